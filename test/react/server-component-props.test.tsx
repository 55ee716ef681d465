// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it, vi } from 'vitest';
import { ProfileKitProvider, SignUpWithBackground } from '../../src/react/index';
import { clients, renderWithKit } from './helpers';

/**
 * An element as React Server Components hand it to a client component while it streams in (Next.js does
 * this in development): a lazy node whose payload is a thenable, which `isValidElement` rejects.
 */
function asServerComponentsSend<P>(element: ReactElement<P>): ReactElement<P> {
  const payload = Promise.resolve(element);
  return {
    $$typeof: Symbol.for('react.lazy'),
    _payload: payload,
    _init: () => {
      throw payload;
    },
  } as unknown as ReactElement<P>;
}

const trigger = () => (
  <button type="button" className="join">
    Join the course
  </button>
);

describe('given a custom trigger passed from a Server Component', () => {
  it('renders the host’s own button, not the default one, and opens the dialog from it', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground mode="dialog" trigger={asServerComponentsSend(trigger())} />);
    const button = await screen.findByRole('button', { name: 'Join the course' });
    expect(button).toHaveClass('join');
    expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    expect(screen.queryByRole('button', { name: 'Sign up' })).not.toBeInTheDocument();
    await user.click(button);
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
  });

  it('hydrates the server markup of the resolved element without a mismatch', async () => {
    const page = (node: ReturnType<typeof trigger>) => (
      <ProfileKitProvider authClient={clients().authClient} initialSession={null}>
        <SignUpWithBackground mode="dialog" trigger={node} />
      </ProfileKitProvider>
    );
    const { prelude } = await prerenderToNodeStream(page(trigger()));
    let html = '';
    for await (const chunk of prelude) html += chunk;
    expect(html).toContain('Join the course');

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const recoverable = vi.fn();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await act(async () => {
        hydrateRoot(container, page(asServerComponentsSend(trigger())), { onRecoverableError: recoverable });
      });
      const button = await screen.findByRole('button', { name: 'Join the course' });
      expect(button).toHaveAttribute('aria-haspopup', 'dialog');
      expect(screen.queryByRole('button', { name: 'Sign up' })).not.toBeInTheDocument();
      expect(recoverable).not.toHaveBeenCalled();
      // Server and client renderers share one process here, which React notes; only that note is allowed.
      const reported = consoleError.mock.calls
        .map((call) => String(call[0]))
        .filter((message) => !message.startsWith('Detected multiple renderers'));
      expect(reported).toEqual([]);
    } finally {
      consoleError.mockRestore();
      container.remove();
    }
  });
});
