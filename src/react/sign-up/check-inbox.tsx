import { useEffect, useId, useRef, useState } from 'react';
import { callAuth, failureText } from '../context/auth-call';
import { useAppearance } from '../context/use-appearance';
import { srOnly } from '../elements/field';
import { formText } from '../localization/en/form-messages';
import { verifyMessages } from '../localization/en/verify-messages';
import type { AuthClientResult } from '../types/auth-client';
import type { CheckInboxProps } from '../types/sign-up-props';

/** better-auth's `sendVerificationEmail` (every better-auth React client has it). */
interface VerificationClient {
  sendVerificationEmail?(body: {
    email: string;
    callbackURL: string;
    fetchOptions: { onError(context: { response: Response }): void };
  }): Promise<AuthClientResult>;
}

/**
 * @internal The sign-up's "Check your inbox" screen, shown when better-auth created the account but signs
 * nobody in until the address is verified. Loaded only then. The link can be sent again, once a cooldown
 * has passed; the countdown is visible, and its start and end are announced.
 */
export function CheckInbox(props: CheckInboxProps) {
  const { email, cooldown, link, Title } = props;
  const { context, t, cx } = useAppearance('SignUpWithBackground', props.appearance, [
    verifyMessages,
    ...formText,
  ]);
  const id = useId();
  const heading = useRef<HTMLElement>(null);
  // A link dated later than now (the clock moved) waits one cooldown at most.
  const [until, setUntil] = useState(() => Math.min(props.sentAt, Date.now()) + cooldown * 1000);
  const [now, setNow] = useState(Date.now);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [resent, setResent] = useState(false);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  const confirmed = link === '';
  // A dead link matters until a new one is on its way.
  const dead = resent ? null : link;

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the screen first appears
  useEffect(() => {
    if (!props.focus) return;
    heading.current?.focus();
    setSaid(t('verify.sent', { email }));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: t only changes with the host's texts
  useEffect(() => {
    if (left === 0) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= until) setSaid(t('verify.ready'));
    }, 1000);
    return () => clearInterval(timer);
  }, [left === 0, until]);

  async function resend() {
    if (left > 0 || sending) return;
    setSending(true);
    setError(null);
    setSaid('');
    const client = context.authClient as VerificationClient;
    let wait = 0;
    const result = client.sendVerificationEmail
      ? await callAuth(() =>
          client.sendVerificationEmail!({
            email,
            callbackURL: props.callbackURL,
            // better-auth's rate limiter says how long to wait in a header, not in the body.
            fetchOptions: {
              onError: ({ response }) => {
                wait = Number(response.headers.get('x-retry-after'));
              },
            },
          }),
        )
      : ({ ok: false, failure: { code: 'VERIFICATION_EMAIL_NOT_ENABLED' } } as const);
    setSending(false);
    const at = Date.now();
    setNow(at);
    if (result.ok) {
      setResent(true);
      setUntil(at + cooldown * 1000);
      props.onSent(at);
      setSaid(
        cooldown > 0 ? t('verify.resentWait', { email, seconds: cooldown }) : t('verify.resent', { email }),
      );
      return;
    }
    const failure = { ...result.failure };
    if (failure.code === 'RATE_LIMITED') {
      if (!failure.retryAfter && wait > 0) failure.retryAfter = Math.ceil(wait);
      setUntil(at + (failure.retryAfter ?? cooldown) * 1000);
    }
    setError(failureText(t, failure));
  }

  return (
    <>
      <div className={cx('header')}>
        <Title ref={heading} tabIndex={-1} className={cx('title')}>
          {t('verify.title')}
        </Title>
        {props.corner}
      </div>
      <div className={cx('form')}>
        {confirmed ? (
          <p className={cx('status')}>{t('verify.confirmed')}</p>
        ) : dead ? (
          <p role="alert" className={cx('alert')}>
            {t(dead === 'TOKEN_EXPIRED' ? 'verify.expired' : 'verify.invalid')}
          </p>
        ) : null}
        <p className={cx('description')}>{t('verify.sent', { email })}</p>
        <p className={cx('description')}>{t('verify.kept')}</p>
        {error ? (
          <p role="alert" className={cx('alert')}>
            {error}
          </p>
        ) : null}
        <div className={cx(props.corner ? 'footer' : 'actions')}>
          {confirmed ? (
            props.onSwitchToSignIn ? (
              <button type="button" className={cx('button')} onClick={props.onSwitchToSignIn}>
                {t('verify.toSignIn')}
              </button>
            ) : null
          ) : (
            <button
              type="button"
              className={cx('button')}
              aria-disabled={left > 0 || sending || undefined}
              aria-describedby={left > 0 ? `${id}-wait` : undefined}
              onClick={() => void resend()}
            >
              {t(sending ? 'verify.sending' : 'verify.resend')}
            </button>
          )}
          <button type="button" className={cx('secondaryButton')} onClick={props.onChangeEmail}>
            {t('verify.changeEmail')}
          </button>
        </div>
        {left > 0 && !confirmed ? (
          <p id={`${id}-wait`} className={cx('description')} data-pk-part="countdown">
            {t('verify.wait', { seconds: left })}
          </p>
        ) : null}
      </div>
      <p role="status" style={srOnly}>
        {said}
      </p>
    </>
  );
}
