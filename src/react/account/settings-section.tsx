import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { type AuthFailure, callAuth, failureText } from '../context/auth-call';
import { headingTag, useAppearance } from '../context/use-appearance';
import { accountMessages } from '../localization/en/account-messages';
import { accountSettingsMessages } from '../localization/en/account-settings-messages';
import { formText } from '../localization/en/form-messages';
import type { Cx, HeadingLevel } from '../types/appearance-props';
import type { Translate } from '../types/message-keys';
import type { SettingsSectionProps } from '../types/settings-props';
import { accountClient } from './account-client';

/** The appearance, text and client every section uses. */
export function useSection(consumer: string, props: SettingsSectionProps) {
  const { title: _title, onSuccess: _onSuccess, onError: _onError, ...appearance } = props;
  const found = useAppearance(consumer, appearance, [accountSettingsMessages, accountMessages, ...formText]);
  return { ...found, client: accountClient(found.context.authClient) };
}

/** A section's frame: its `<section>`, labelled by its heading, with a description. */
export function SectionFrame(props: {
  id: string;
  cx: Cx;
  rootProps: Record<string, unknown>;
  level: HeadingLevel;
  title: ReactNode;
  description?: ReactNode;
  name: string;
  children: ReactNode;
}) {
  const Heading = headingTag(props.level);
  return (
    <div {...props.rootProps}>
      <section
        className={props.cx('form')}
        aria-labelledby={`${props.id}-title`}
        data-pk-section={props.name}
      >
        <Heading id={`${props.id}-title`} tabIndex={-1} className={props.cx('title')}>
          {props.title}
        </Heading>
        {props.description ? <p className={props.cx('description')}>{props.description}</p> : null}
        {props.children}
      </section>
    </div>
  );
}

/**
 * A success message that takes focus when it appears, so a person who pressed a button that then went
 * away (or a screen reader) hears what happened; it never leaves focus on the page's body.
 */
export function SuccessNote({ message, cx }: { message: string | null; cx: Cx }) {
  const node = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) node.current?.focus();
  }, [message]);
  return (
    <p
      ref={node}
      role="status"
      tabIndex={-1}
      className={cx('status')}
      data-state={message ? 'saved' : undefined}
    >
      {message ?? ''}
    </p>
  );
}

/** The text of a failure, with the wait when the server said how long. */
export const failureMessage = (t: Translate, failure: AuthFailure) => failureText(t, failure);

type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; failure: AuthFailure }
  | { state: 'ready'; data: T };

/** Loads what a section shows through a better-auth call; `reload` asks again. */
export function useLoaded<T>(
  load: (() => Promise<{ data: unknown; error: unknown }>) | undefined,
  pick: (data: unknown) => T,
) {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  const loader = useRef(load);
  loader.current = load;
  const picker = useRef(pick);
  picker.current = pick;
  const reload = useCallback(async () => {
    const call = loader.current;
    if (!call) {
      setValue({ state: 'error', failure: { code: 'NOT_FOUND' } });
      return;
    }
    const result = await callAuth(call as never);
    setValue(
      result.ok
        ? { state: 'ready', data: picker.current(result.data) }
        : { state: 'error', failure: result.failure },
    );
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, reload, set: (data: T) => setValue({ state: 'ready', data }) };
}

/** A load that failed: what went wrong and "Try again". */
export function LoadError({
  failure,
  retry,
  t,
  cx,
}: {
  failure: AuthFailure;
  retry: () => void;
  t: Translate;
  cx: Cx;
}) {
  return (
    <div role="alert" className={cx('alert')}>
      <p>{failureText(t, failure)}</p>
      <button type="button" className={cx('secondaryButton')} onClick={retry}>
        {t('settings.retry')}
      </button>
    </div>
  );
}

/** The accounts (sign-in methods) of the person, as better-auth lists them. */
export interface LinkedAccount {
  id: string;
  providerId: string;
  accountId: string;
}

export const pickAccounts = (data: unknown): LinkedAccount[] =>
  Array.isArray(data)
    ? data.map((a: Record<string, unknown>) => ({
        id: String(a.id ?? ''),
        providerId: String(a.providerId ?? ''),
        accountId: String(a.accountId ?? ''),
      }))
    : [];
