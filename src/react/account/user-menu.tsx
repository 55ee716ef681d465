import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { PERSONAL_DATA_FILE } from '../../client/personal-data';
import { useAppearance } from '../context/use-appearance';
import { useSession } from '../context/use-session';
import { srOnly } from '../elements/field';
import { AccountSettings, SignInDialog, SignUpWithBackground } from '../lazy/forms';
import { DeleteAccountInDialog, DialogFrame, ProfileEditorInDialog } from '../lazy/parts';
import { accountMenuMessages } from '../localization/en/account-menu-messages';
import { accountMessages } from '../localization/en/account-messages';
import { signInMessages } from '../localization/en/sign-in-messages';
import { errorText } from '../localization/translate';
import type { UserMenuProps } from '../types/account-props';
import { useDownloadData } from './download-data';

type Item = { key: string; label: string; run: () => void | Promise<void> };

function initials(name: string, email: string) {
  const words = (name.trim() || email).split(/[\s@._-]+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

/**
 * Who is signed in, with a menu to edit the background, download one's data, delete the account and sign
 * out. A menu button in the WAI-ARIA pattern: Enter, Space or ArrowDown open it on the first item, ArrowUp
 * on the last; arrows, Home and End move; Escape closes it and returns focus to the button. Nobody signed
 * in: the `signedOut` content (by default the sign-up dialog's button), never a stale "Sign up".
 */
export function UserMenu({
  onEditProfile,
  onSignedOut,
  onDeleted,
  signedOut,
  showDownload = true,
  showDelete = true,
  showManageAccount = true,
  accountHref,
  accountSettings,
  ...appearance
}: UserMenuProps) {
  const { context, t, cx, rootProps, lang } = useAppearance('UserMenu', appearance, [
    accountMenuMessages,
    accountMessages,
    signInMessages,
  ]);
  const { user, isPending, signOut } = useSession();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<'edit' | 'delete' | 'manage' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const exported = useDownloadData(context);
  const [deleted, setDeleted] = useState(false);
  const farewell = useRef<HTMLParagraphElement>(null);
  // After a deletion the menu is gone: the notice takes focus, so it is neither lost nor on <body>.
  const signedIn = Boolean(user);
  useEffect(() => {
    if (deleted && !signedIn) farewell.current?.focus();
  }, [deleted, signedIn]);
  // The signed-out default's dialog that is open: it stays, with its result, until the person closes it.
  const [auth, setAuth] = useState<'signUp' | 'signIn' | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const welcomed = useRef(false);
  useEffect(() => {
    if (signedIn && auth) {
      welcomed.current = true;
      // The sign-in has nothing more to say once the session knows the person.
      if (auth === 'signIn') setAuth(null);
    } else if (signedIn && welcomed.current) {
      // Signed in through that dialog: its trigger is gone, and the menu's button takes focus.
      welcomed.current = false;
      button.current?.focus();
    }
  }, [signedIn, auth]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };
  const focusItem = (index: number) => {
    const list = items.current.filter(Boolean) as HTMLButtonElement[];
    list[(index + list.length) % list.length]?.focus();
  };
  const openAt = (index: number) => {
    setOpen(true);
    // The items exist after this render.
    requestAnimationFrame(() => focusItem(index));
  };

  // A pointer press outside closes the menu (composedPath sees through shadow roots).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const path = event.composedPath();
      if (!path.includes(menu.current as EventTarget) && !path.includes(button.current as EventTarget))
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  if (isPending) return null;
  if (!user || (auth && signedOut === undefined)) {
    return (
      <>
        {deleted ? (
          <p {...rootProps} ref={farewell} role="status" tabIndex={-1} data-pk-part="farewell">
            {t('userMenu.deleted')}
          </p>
        ) : null}
        {signedOut !== undefined ? (
          signedOut
        ) : (
          <>
            <SignUpWithBackground
              {...appearance}
              mode="dialog"
              open={auth === 'signUp'}
              onOpenChange={(next) => {
                if (next) opener.current = document.activeElement as HTMLElement | null;
                setAuth(next ? 'signUp' : null);
              }}
              // A returning person's way in from the header: the sign-in, in a dialog of its own.
              onSwitchToSignIn={() => setAuth('signIn')}
            />
            {auth === 'signIn' ? (
              <SignInDialog
                frame={{
                  open: true,
                  onOpenChange: (next) => {
                    if (!next) setAuth(null);
                  },
                  returnFocus: () => opener.current?.focus(),
                  className: cx('root', cx('dialog')),
                  overlayClassName: cx('overlay'),
                  theme: rootProps['data-pk-theme'],
                  lang,
                  container: context.portalContainer,
                }}
                // The dialog is its card.
                form={{ ...appearance, appearance: 'plain', onSwitchToSignUp: () => setAuth('signUp') }}
                closeLabel={t('userMenu.close')}
                closeClassName={cx('close')}
              />
            ) : null}
          </>
        )}
      </>
    );
  }

  const list: Item[] = [
    ...(showManageAccount
      ? [
          {
            key: 'manage',
            label: t('userMenu.manage'),
            run: () => {
              if (accountHref) window.location.assign(accountHref);
              else setDialog('manage');
            },
          },
        ]
      : []),
    {
      key: 'edit',
      label: t('userMenu.editProfile'),
      run: () => (onEditProfile ? onEditProfile() : setDialog('edit')),
    },
    ...(showDownload
      ? [
          {
            key: 'download',
            label: t('userMenu.download'),
            run: async () => {
              const result = await exported.download();
              setAnnouncement(
                result.ok ? t('download.done', { file: PERSONAL_DATA_FILE }) : errorText(t, result.code),
              );
            },
          },
        ]
      : []),
    ...(showDelete ? [{ key: 'delete', label: t('userMenu.delete'), run: () => setDialog('delete') }] : []),
    {
      key: 'signOut',
      label: t('userMenu.signOut'),
      run: async () => {
        await signOut();
        onSignedOut?.();
      },
    },
  ];

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = items.current.filter(Boolean) as HTMLButtonElement[];
    const index = list.indexOf(event.target as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: list.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key] as number);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      setOpen(false);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      // Type-ahead: the next item starting with the typed character.
      const letter = event.key.toLowerCase();
      const order = [...list.slice(index + 1), ...list.slice(0, index + 1)];
      order.find((item) => item.textContent?.trim().toLowerCase().startsWith(letter))?.focus();
    }
  }

  const name = user.name || user.email;
  return (
    <div {...rootProps} className={[rootProps.className, cx('menu')].filter(Boolean).join(' ') || undefined}>
      <button
        ref={button}
        id={`${id}-button`}
        type="button"
        className={cx('trigger')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={t('userMenu.trigger', { name })}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openAt(event.key === 'ArrowDown' ? 0 : -1);
          }
        }}
      >
        {/* Initials are drawn by CSS: as text they would be visible words missing from the button's name. */}
        <span
          aria-hidden="true"
          data-pk-part="avatar"
          data-initials={user.image ? undefined : initials(user.name, user.email)}
        >
          {user.image ? <img src={user.image} alt="" width={24} height={24} /> : null}
        </span>
        <span>{name}</span>
      </button>
      {open ? (
        <div ref={menu} data-pk-part="popover">
          <p className={cx('description')}>
            {t('userMenu.signedInAs')} <strong>{user.email}</strong>
          </p>
          <div
            id={`${id}-menu`}
            role="menu"
            aria-labelledby={`${id}-button`}
            tabIndex={-1}
            onKeyDown={onMenuKeyDown}
          >
            {list.map((item, index) => (
              <button
                key={item.key}
                ref={(element) => {
                  items.current[index] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={cx('menuItem')}
                data-pk-tone={item.key === 'delete' ? 'danger' : undefined}
                onClick={() => {
                  close(item.key !== 'signOut');
                  void item.run();
                }}
              >
                {item.key === 'download' && exported.busy ? t('download.busy') : item.label}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <p role="status" style={srOnly}>
        {announcement}
      </p>
      {dialog ? (
        <DialogFrame
          open
          onOpenChange={(next) => {
            if (!next) setDialog(null);
          }}
          returnFocus={() => button.current?.focus()}
          className={cx('root', cx('dialog'))}
          overlayClassName={cx('overlay')}
          theme={rootProps['data-pk-theme']}
          lang={lang}
          container={context.portalContainer}
        >
          {({ Title, CornerClose }) => (
            <>
              <CornerClose label={t('userMenu.close')} className={cx('close')} />
              <div data-pk-part="dialog-body">
                {dialog === 'edit' ? (
                  <ProfileEditorInDialog
                    {...appearance}
                    TitleTag={Title}
                    bare
                    title={t('userMenu.editProfile')}
                  />
                ) : dialog === 'delete' ? (
                  <DeleteAccountInDialog
                    {...appearance}
                    TitleTag={Title}
                    defaultOpen
                    onDeleted={() => {
                      setDialog(null);
                      setDeleted(true);
                      onDeleted?.();
                    }}
                  />
                ) : (
                  <>
                    <Title className={cx('title')}>{t('userMenu.manageTitle')}</Title>
                    <AccountSettings
                      {...appearance}
                      {...accountSettings}
                      title={null}
                      headingLevel={3}
                      onDeleted={() => {
                        setDialog(null);
                        setDeleted(true);
                        accountSettings?.onDeleted?.();
                        onDeleted?.();
                      }}
                    />
                  </>
                )}
              </div>
            </>
          )}
        </DialogFrame>
      ) : null}
    </div>
  );
}
