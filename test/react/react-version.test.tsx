// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import * as Dialog from '@radix-ui/react-dialog';
import { render, screen } from '@testing-library/react';
import { useState, version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

// The component suite runs on React 19 (vitest.config.ts) and React 18 (vitest.react18.config.ts). This file
// proves which React each run used and that Testing Library, Radix and the tests share one copy of it: a
// second copy would fail the hooks below with "Invalid hook call".
const major = process.env.PROFILEKIT_EXPECT_REACT ?? '19';

function Counter() {
  const [count] = useState(3);
  return (
    <Dialog.Root open>
      <Dialog.Portal>
        <Dialog.Overlay />
        <Dialog.Content aria-describedby={undefined}>
          <Dialog.Title>Count {count}</Dialog.Title>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

describe(`given the React ${major} run`, () => {
  it(`imports React ${major} and react-dom ${major}`, () => {
    expect(version.split('.')[0]).toBe(major);
    expect(domVersion.split('.')[0]).toBe(major);
  });

  it('renders hooks through Testing Library and Radix with that one copy', () => {
    render(<Counter />);
    expect(screen.getByRole('dialog', { name: 'Count 3' })).toBeVisible();
  });
});
