// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { afterAll, describe, expect, it } from 'vitest';
import preview from '../../.storybook/preview';
import * as accountSettings from '../../stories/account-settings.stories';
import * as arabic from '../../stories/arabic.stories';
import * as authGate from '../../stories/auth-gate.stories';
import * as deleteAccount from '../../stories/delete-account.stories';
import * as forgotPassword from '../../stories/forgot-password.stories';
import * as hostQuestions from '../../stories/host-questions.stories';
import * as profileEditor from '../../stories/profile-editor.stories';
import * as resetPassword from '../../stories/reset-password.stories';
import * as signIn from '../../stories/sign-in.stories';
import * as signUp from '../../stories/sign-up-with-background.stories';
import * as socialButtons from '../../stories/social-buttons.stories';
import * as userMenu from '../../stories/user-menu.stories';
import { expectNoAxeViolations } from '../a11y';
import { unmountAndSettle } from '../unmount';

// Every story of the Storybook runs here as a test: its loaders (the mock backend in the story's
// persona), its play function's interactions, then axe on the page it leaves behind.
setProjectAnnotations(preview);

afterAll(unmountAndSettle);

const files = {
  accountSettings,
  authGate,
  forgotPassword,
  hostQuestions,
  profileEditor,
  resetPassword,
  signIn,
  signUp,
  userMenu,
  deleteAccount,
  socialButtons,
  arabic,
};

for (const [file, module] of Object.entries(files)) {
  // The modules' story types differ; every composed story has run().
  const stories = Object.entries(composeStories(module)) as [string, { run(): Promise<void> }][];
  describe(`${module.default.title} (${file})`, () => {
    it('has stories', () => expect(stories.length).toBeGreaterThan(3));
    for (const [name, Story] of stories) {
      it(`${name}: renders, plays and passes axe`, async () => {
        await Story.run();
        await expectNoAxeViolations(document.body);
      });
    }
  });
}
