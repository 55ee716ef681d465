// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { describe, expect, it } from 'vitest';
import preview from '../../.storybook/preview';
import * as authGate from '../../stories/auth-gate.stories';
import * as profileEditor from '../../stories/profile-editor.stories';
import * as signIn from '../../stories/sign-in.stories';
import * as signUp from '../../stories/sign-up-with-background.stories';
import { expectNoAxeViolations } from '../a11y';

// Every story of the Storybook runs here as a test: its loaders (the mock backend in the story's
// persona), its play function's interactions, then axe on the page it leaves behind.
setProjectAnnotations(preview);

const files = { authGate, profileEditor, signIn, signUp };

for (const [file, module] of Object.entries(files)) {
  const stories = Object.entries(composeStories(module));
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
