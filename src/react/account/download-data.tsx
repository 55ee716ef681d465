import { useState } from 'react';
import { ErrorCodes, isProfileKitError } from '../../client/errors';
import { PERSONAL_DATA_FILE, type PersonalData } from '../../client/personal-data';
import type { ProfileKitContextValue } from '../context/provider';
import { useAppearance } from '../context/use-appearance';
import { srOnly } from '../elements/field';
import { accountMessages } from '../localization/en/account-messages';
import { signInMessages } from '../localization/en/sign-in-messages';
import { errorText } from '../localization/translate';
import type { DownloadDataProps } from '../types/account-props';

/** Hands `data` to the browser as a JSON file download. */
export function saveJson(data: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * @internal Reads the person's data from the profile API's export and downloads it. Shared by the button
 * below and the user menu's item.
 */
export function useDownloadData(context: ProfileKitContextValue) {
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({
    busy: false,
    error: null,
    done: false,
  });
  async function download(): Promise<{ ok: true; data: PersonalData } | { ok: false; code: string }> {
    setState({ busy: true, error: null, done: false });
    try {
      // Without a client of the host's, the default one loads with its schemas only when asked for.
      const client =
        context.profileClient ??
        (await import('../../client/profile-client')).createProfileClient({ baseURL: context.baseURL ?? '' });
      const data = await client.exportData();
      saveJson(data, PERSONAL_DATA_FILE);
      setState({ busy: false, error: null, done: true });
      return { ok: true, data };
    } catch (error) {
      const code = isProfileKitError(error) ? error.code : ErrorCodes.UNKNOWN_ERROR;
      setState({ busy: false, error: code, done: false });
      return { ok: false, code };
    }
  }
  return { ...state, download };
}

/** "Download my data": the signed-in person's account, sign-in methods, sessions and profile as JSON. */
export function DownloadData({ onSuccess, onError, ...appearance }: DownloadDataProps) {
  const { context, t, cx, rootProps } = useAppearance('DownloadData', appearance, [
    accountMessages,
    signInMessages,
  ]);
  const { busy, error, done, download } = useDownloadData(context);
  return (
    <div {...rootProps}>
      <button
        type="button"
        className={cx('secondaryButton')}
        aria-disabled={busy || undefined}
        onClick={async () => {
          if (busy) return;
          const result = await download();
          if (result.ok) onSuccess?.(result.data);
          else onError?.(result.code);
        }}
      >
        {busy ? t('download.busy') : t('download.button')}
      </button>
      {error ? (
        <p role="alert" className={cx('alert')}>
          {errorText(t, error)}
        </p>
      ) : null}
      <p role="status" style={srOnly}>
        {done ? t('download.done', { file: PERSONAL_DATA_FILE }) : busy ? t('download.busy') : ''}
      </p>
    </div>
  );
}
