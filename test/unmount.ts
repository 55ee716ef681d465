import { cleanup } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * For a file's `afterAll`: unmounts what is rendered, then waits out nanostores' unmount delay (1 s).
 * better-auth's client removes its window listeners only then, and must do so before the test environment
 * closes the window, or the file ends with an uncaught TypeError.
 */
export async function unmountAndSettle(): Promise<void> {
  cleanup();
  vi.useRealTimers();
  await new Promise((resolve) => setTimeout(resolve, 1100));
}
