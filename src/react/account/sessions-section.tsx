import { useId, useRef, useState } from 'react';
import { callAuth } from '../context/auth-call';
import { LiveStatus } from '../elements/form-frame';
import { Loading } from '../elements/loading';
import type { Translate } from '../types/message-keys';
import type { SettingsSectionProps } from '../types/settings-props';
import {
  failureMessage,
  LoadError,
  SectionFrame,
  SuccessNote,
  useLoaded,
  useSection,
} from './settings-section';

/** One session as `/profilekit/sessions` lists it: no token, an opaque id to end it by. */
export interface ListedSession {
  id: string;
  browser: string | null;
  os: string | null;
  place: string | null;
  lastActive: string;
  current: boolean;
}

export const pickSessions = (data: unknown): ListedSession[] => {
  const sessions = (data as { sessions?: unknown } | null)?.sessions;
  return Array.isArray(sessions) ? (sessions as ListedSession[]) : [];
};

export function deviceName(t: Translate, session: ListedSession): string {
  return t('sessions.device', {
    browser: session.browser ?? t('sessions.unknownBrowser'),
    os: session.os ?? t('sessions.unknownOs'),
  });
}

/** The date in the locale's language when one is given, else in the browser's. */
const when = (iso: string, lang: unknown) =>
  new Intl.DateTimeFormat(typeof lang === 'string' ? lang : undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

/**
 * Every session of the person (browser, system, place when the server knows it, when it was last active,
 * this device marked) from profilekit's `/profilekit/sessions`, which never hands a token to the page;
 * ends one by its opaque id, or all the others at once.
 */
export function SessionsSection(props: SettingsSectionProps) {
  const { t, cx, rootProps, level, client } = useSection('SessionsSection', props);
  const id = useId();
  const fetcher = client.$fetch;
  const sessions = useLoaded(
    fetcher ? () => fetcher('/profilekit/sessions', { method: 'GET' }) : undefined,
    pickSessions,
  );
  const [done, setDone] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const title = props.title ?? t('sessions.title');
  const frameProps = {
    id,
    cx,
    rootProps,
    level,
    name: 'sessions',
    title,
    description: t('sessions.description'),
  };

  if (sessions.value.state === 'loading') {
    return (
      <SectionFrame {...frameProps}>
        <Loading theme={props.theme} unstyled={props.unstyled} />
      </SectionFrame>
    );
  }
  if (sessions.value.state === 'error') {
    return (
      <SectionFrame {...frameProps}>
        <LoadError failure={sessions.value.failure} retry={() => void sessions.reload()} t={t} cx={cx} />
      </SectionFrame>
    );
  }
  const all = sessions.value.data;
  const others = all.filter((s) => !s.current);

  async function end(session: ListedSession) {
    if (busy || !fetcher) return;
    setBusy(session.id);
    setAlert(null);
    setDone(null);
    const result = await callAuth(() =>
      fetcher('/profilekit/sessions/revoke', { method: 'POST', body: { id: session.id } }),
    );
    setBusy(null);
    if (result.ok || result.failure.code === 'SESSION_NOT_FOUND') {
      sessions.set(all.filter((s) => s.id !== session.id));
      setDone(t('sessions.ended', { device: deviceName(t, session) }));
      props.onSuccess?.({ section: 'sessions', action: 'session-ended' });
      return;
    }
    setAlert(failureMessage(t, result.failure));
    props.onError?.(result.failure.code);
  }

  async function endOthers() {
    const revoke = client.revokeOtherSessions;
    if (busy || !revoke) return;
    setBusy('others');
    setAlert(null);
    setDone(null);
    const result = await callAuth(() => revoke());
    setBusy(null);
    if (result.ok) {
      sessions.set(all.filter((s) => s.current));
      setDone(t('sessions.othersEnded'));
      props.onSuccess?.({ section: 'sessions', action: 'others-ended' });
      return;
    }
    setAlert(failureMessage(t, result.failure));
    props.onError?.(result.failure.code);
  }

  return (
    <SectionFrame {...frameProps}>
      <ul ref={list} className={cx('options')} data-pk-part="sessions">
        {all.map((session) => {
          const device = deviceName(t, session);
          const active = when(session.lastActive, rootProps.lang);
          return (
            <li key={session.id} data-pk-part="session" data-current={session.current || undefined}>
              <span>
                <strong>{device}</strong>
                {session.current ? (
                  <span data-pk-part="badge">
                    {t('sessions.separator')}
                    {t('sessions.thisDevice')}
                  </span>
                ) : null}
                <br />
                <span className={cx('description')}>
                  {[session.place, t('sessions.lastActive', { when: active })]
                    .filter(Boolean)
                    .join(t('sessions.separator'))}
                </span>
              </span>
              {session.current ? null : (
                <button
                  type="button"
                  className={cx('secondaryButton')}
                  aria-label={t('sessions.signOutLabel', { device, when: active })}
                  aria-disabled={busy ? true : undefined}
                  onClick={() => void end(session)}
                >
                  {t('sessions.signOut')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {others.length === 0 ? <p className={cx('description')}>{t('sessions.none')}</p> : null}
      {alert ? (
        <p role="alert" className={cx('alert')}>
          {alert}
        </p>
      ) : null}
      {others.length > 0 ? (
        <div className={cx('actions')}>
          <button
            type="button"
            className={cx('secondaryButton')}
            data-pk-tone="danger"
            aria-disabled={busy ? true : undefined}
            onClick={() => void endOthers()}
          >
            {t('sessions.signOutOthers')}
          </button>
        </div>
      ) : null}
      <SuccessNote message={done} cx={cx} />
      <LiveStatus>{busy ? t('settings.loading') : ''}</LiveStatus>
    </SectionFrame>
  );
}
