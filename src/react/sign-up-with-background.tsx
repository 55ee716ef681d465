import {
  cloneElement,
  type ElementType,
  isValidElement,
  lazy,
  type ReactElement,
  type ReactNode,
  Suspense,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { FieldPath } from 'react-hook-form';
import { isProfileKitError } from '../client/errors';
import type { Profile } from '../client/schema';
import { type AuthFailure, callAuth, failureText } from './auth-errors';
import {
  type AppearanceProps,
  headingTag,
  type SessionUser,
  type SocialProvider,
  useAppearance,
  useSession,
} from './context';
import { srOnly, TextField, useFocusFirstInvalid } from './field';
import type { QuestionnaireDefinition, QuestionStep } from './fields';
import { formText } from './form-messages';
import {
  emptyBackground,
  formFieldsOf,
  MAX_PASSWORD_LENGTH,
  type SignUpValues,
  valuesToInput,
} from './form-model';
import { useResolvedNode } from './lazy-element';
import { LoadFailed } from './load-failed';
import { errorText } from './messages';
import { Loading, Review, SocialButtons } from './on-demand';
import { ProfileEditor } from './profile-editor';
import { profileStoreFor } from './profile-store';
import { Questions, useQuestionnaireForm } from './questionnaire';
import { RESET_QUERY } from './recovery';
import { useProfile } from './use-profile';

export type SignUpStep = 'account' | QuestionStep | 'review';

export interface SignUpWithBackgroundProps extends AppearanceProps {
  /** The questionnaire; defaults to the provider's. */
  questionnaire?: QuestionnaireDefinition;
  /** `inline` renders in place; `dialog` renders a trigger that opens the form in a modal dialog. */
  mode?: 'inline' | 'dialog';
  /** Dialog mode: the button that opens the dialog. Default: a "Sign up" button. */
  trigger?: ReactElement<TriggerProps>;
  /** Dialog mode: controlled open state. */
  open?: boolean;
  /** Dialog mode: open state at first render when uncontrolled. */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Keep the answers (never the password) in sessionStorage across reloads. Default true. */
  persistDraft?: boolean;
  /** The sessionStorage key of the draft. Default `profilekit:sign-up`. */
  draftKey?: string;
  /** Must match better-auth's `minPasswordLength`. Default 8. */
  minPasswordLength?: number;
  /** Called when the account (if needed) and the background are saved. */
  onSuccess?: (result: { user: SessionUser | null; profile: Profile }) => void;
  /** Called when sign-up or the profile save fails; the form keeps every answer. */
  onError?: (error: { code: string; step: SignUpStep }) => void;
  /** Shows an "Already have an account?" button that calls this. */
  onSwitchToSignIn?: () => void;
  /** Replaces the heading. */
  title?: ReactNode;
  /** Moves focus to the first step's heading when the form appears (as when a person switches to it). */
  autoFocus?: boolean;
  /**
   * What a person who is signed in and already has a saved background gets. They are never offered the
   * questionnaire from empty, so a saved background is never replaced by one.
   * - `hide` (default): nothing renders, neither the form nor the dialog's trigger.
   * - `edit`: the profile editor, prefilled with the saved answers: in place when inline; in dialog mode the
   *   trigger reads "Edit your background" and opens the editor.
   */
  whenProfileExists?: 'hide' | 'edit';
  /**
   * "Continue with …" buttons on the account step; defaults to the provider's `socialProviders`. The person
   * comes back to this page signed in and goes on with the questionnaire; answers typed before leaving are
   * kept in the draft (unless `persistDraft` is false).
   */
  socialProviders?: readonly SocialProvider[];
  /**
   * When better-auth requires a verified email (`requireEmailVerification`), sign-up signs nobody in: the
   * form then says to check the inbox, keeps the answers in the draft, and saves them once the person
   * follows the link and is back signed in. Seconds before the link can be sent again. Default 60.
   */
  resendCooldown?: number;
}

type Phase = 'editing' | 'submitting' | 'saving' | 'saveFailed' | 'done' | 'exists' | 'inbox';

/** An address waiting for its verification link: where it went, and when (ms since the epoch). */
interface Inbox {
  email: string;
  sentAt: number;
}

interface Draft {
  values: Omit<SignUpValues, 'password'>;
  step: SignUpStep;
  inbox?: Inbox;
}

function readDraft(key: string): Draft | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(key);
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.values === 'object' && typeof draft.step === 'string' ? draft : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, draft: Draft | null) {
  try {
    if (draft) globalThis.sessionStorage?.setItem(key, JSON.stringify(draft));
    else globalThis.sessionStorage?.removeItem(key);
  } catch {
    // Storage can be full or blocked; the form works without a draft.
  }
}

type TriggerProps = {
  onClick?: (event: MouseEvent) => void;
  onPointerEnter?: (event: PointerEvent) => void;
  onFocus?: (event: FocusEvent) => void;
  ref?: unknown;
  'aria-haspopup'?: 'dialog';
  'aria-expanded'?: boolean;
};

const loadDialog = () => import('./sign-up-dialog');
const SignUpDialog = lazy(() => loadDialog().then((m) => ({ default: m.SignUpDialog })));
const CheckInbox = lazy(() => import('./check-inbox').then((m) => ({ default: m.CheckInbox })));

/** The marker a verification link brings back, beside better-auth's `error`. */
const VERIFY = 'verify-email';

/**
 * This page, marked as where a verification link leads (`take` false), or what a link that led here brought
 * back (`take` true): undefined when it was not one, else its `error` (`''` when none), taken off the address.
 */
function verifyLink(take?: boolean) {
  const url = new URL(window.location.href);
  const params = url.searchParams;
  const marked = params.get(RESET_QUERY) === VERIFY;
  const error = params.get('error');
  params.delete('error');
  params.set(RESET_QUERY, VERIFY);
  if (!take) return url.href;
  if (!marked) return undefined;
  params.delete(RESET_QUERY);
  window.history.replaceState(window.history.state, '', url.href);
  return error ?? '';
}

/**
 * Email and password sign-up followed by the software and hardware background questionnaire:
 * Account → Software background → Hardware background → Review. A person who is already signed in only
 * answers the questionnaire. In `dialog` mode it opens in a modal dialog (focus trapped, and returned to
 * the trigger on close); the dialog's code loads when the person reaches for the trigger.
 */
export function SignUpWithBackground(props: SignUpWithBackgroundProps) {
  const { mode = 'inline', open, defaultOpen = false, onOpenChange, ...rest } = props;
  const trigger = useResolvedNode(props.trigger);
  const { context, t, cx, rootProps } = useAppearance('SignUpWithBackground', rest, formText);
  const [ownOpen, setOwnOpen] = useState(defaultOpen);
  const [wanted, setWanted] = useState(defaultOpen || open === true);
  const triggerRef = useRef<HTMLElement>(null);
  const { user } = useSession();
  const { status } = useProfile();
  if (mode !== 'dialog') return <SignUpForm {...rest} />;
  const isOpen = open ?? ownOpen;
  const edit = rest.whenProfileExists === 'edit';
  const hasProfile = user !== null && status === 'ready';
  // An open dialog stays until it is closed: it may be showing the success of the save that made the profile.
  if (hasProfile && !edit && !isOpen) return null;
  const setOpen = (next: boolean) => {
    if (open === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  const preload = () => void loadDialog();
  const triggerElement = isValidElement(trigger) ? (
    trigger
  ) : (
    // Outside any pk-root, the default trigger carries the design tokens (and theme) itself.
    <button type="button" className={cx('button', cx('trigger'))} data-pk-theme={rootProps['data-pk-theme']}>
      {t(hasProfile && edit ? 'signUp.editTrigger' : 'signUp.trigger')}
    </button>
  );
  const own = triggerElement.props;
  return (
    <>
      {cloneElement(triggerElement, {
        ref: triggerRef,
        'aria-haspopup': 'dialog',
        'aria-expanded': isOpen,
        onPointerEnter: (event: PointerEvent) => {
          own.onPointerEnter?.(event);
          preload();
        },
        onFocus: (event: FocusEvent) => {
          own.onFocus?.(event);
          preload();
        },
        onClick: (event: MouseEvent) => {
          own.onClick?.(event);
          if (event.defaultPrevented) return;
          setWanted(true);
          setOpen(true);
        },
      })}
      {wanted || isOpen ? (
        <Suspense fallback={null}>
          <SignUpDialog
            open={isOpen}
            onOpenChange={setOpen}
            returnFocus={() => triggerRef.current?.focus()}
            className={cx('root', cx('dialog'))}
            overlayClassName={cx('overlay')}
            theme={rootProps['data-pk-theme']}
            container={context.portalContainer}
          >
            {(parts) => (
              <SignUpForm {...rest} TitleTag={parts.Title} Close={parts.Close} corner={parts.CornerClose} />
            )}
          </SignUpDialog>
        </Suspense>
      ) : null}
    </>
  );
}

type FormProps = Omit<
  SignUpWithBackgroundProps,
  'mode' | 'trigger' | 'open' | 'defaultOpen' | 'onOpenChange'
> & {
  /** In dialog mode, the dialog's own title part. */
  TitleTag?: ElementType;
  /** In dialog mode, the dialog's close part. */
  Close?: ElementType;
  /** In dialog mode, the close button for the dialog's corner. */
  corner?: ElementType<{ label: string; className: string | undefined }>;
};

/**
 * Decides what a person sees: the sign-up for someone signed out, the questionnaire for someone signed in
 * without a background, and for someone who has one, nothing or the editor (never an empty questionnaire).
 * Once the person has submitted, the form stays until it is done, whatever the session does meanwhile.
 */
function SignUpForm(props: FormProps) {
  const {
    whenProfileExists = 'hide',
    TitleTag,
    Close,
    corner: Corner,
    socialProviders: _socialProviders,
    ...rest
  } = props;
  const { t, cx, level } = useAppearance('SignUpWithBackground', rest, formText);
  const { user } = useSession();
  const { status } = useProfile();
  const [claimed, setClaimed] = useState(false);
  const inDialog = Close !== undefined;
  if (claimed || !user || status === 'missing') {
    return <SignUpFlow {...props} onClaim={() => setClaimed(true)} />;
  }
  const appearance = { ...rest, headingLevel: level };
  if (status === 'ready' && whenProfileExists === 'edit') {
    const editor = {
      ...appearance,
      // The sign-up's own heading is not the editor's.
      title: undefined,
      onSuccess: (profile: Profile) => rest.onSuccess?.({ user, profile }),
      onError: (code: string) => rest.onError?.({ code, step: 'review' }),
    };
    if (!inDialog) return <ProfileEditor {...editor} />;
    return (
      <>
        <ProfileEditor {...editor} TitleTag={TitleTag} bare />
        {Corner ? <Corner label={t('signUp.close')} className={cx('close')} /> : null}
      </>
    );
  }
  if (!inDialog) {
    if (status === 'ready') return null;
    return status === 'error' ? <LoadFailed {...appearance} /> : <Loading {...appearance} />;
  }
  const Title = TitleTag ?? 'h2';
  return (
    <>
      <div className={cx('header')}>
        <Title className={cx('title')}>
          {t(status === 'ready' ? 'signUp.existsTitle' : 'signUp.completeTitle')}
        </Title>
        {Corner ? <Corner label={t('signUp.close')} className={cx('close')} /> : null}
      </div>
      {status === 'ready' ? (
        <p className={cx('description')}>{t('signUp.profileExists')}</p>
      ) : status === 'error' ? (
        <LoadFailed {...appearance} />
      ) : (
        <Loading {...appearance} />
      )}
    </>
  );
}

function SignUpFlow(props: FormProps & { onClaim: () => void }) {
  const {
    questionnaire,
    persistDraft = true,
    draftKey = 'profilekit:sign-up',
    minPasswordLength = 8,
    onSuccess,
    onError,
    onSwitchToSignIn,
    title,
    autoFocus = false,
    TitleTag,
    Close,
    corner: Corner,
    onClaim,
    whenProfileExists: _whenProfileExists,
    socialProviders,
    resendCooldown = 60,
    ...appearance
  } = props;
  const { context, t, cx, rootProps, level } = useAppearance('SignUpWithBackground', appearance, formText);
  const { user, isPending } = useSession();
  const inDialog = Close !== undefined;
  const id = useId();
  const [createdUser, setCreatedUser] = useState<SessionUser | null>(null);
  const withAccount = !user || createdUser !== null;
  const providers = socialProviders ?? context.socialProviders ?? [];
  const { questions, form } = useQuestionnaireForm<SignUpValues>(
    questionnaire ?? context.questionnaire,
    t,
    { name: '', email: '', password: '', ...emptyBackground() },
    withAccount && !createdUser ? { minPasswordLength } : undefined,
  );
  const steps = useMemo(() => {
    const used = new Set(questions.map((q) => q.step));
    return [
      ...(withAccount ? (['account'] as const) : []),
      ...(['software', 'hardware'] as const).filter((s) => used.has(s)),
      'review' as const,
    ];
  }, [questions, withAccount]);
  const [stepName, setStepName] = useState<SignUpStep>(steps[0] ?? 'review');
  const step = steps.includes(stepName) ? stepName : (steps[0] ?? 'review');
  const index = steps.indexOf(step);
  const [phase, setPhase] = useState<Phase>('editing');
  const [formError, setFormError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const busy = useRef(false);
  const hold = useRef<(() => void) | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(autoFocus);
  const { container, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  // The address waiting for its link: state for the screen, ref for the draft (written before a render).
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const waiting = useRef<Inbox | null>(null);
  const link = useRef<string | undefined>(undefined);
  const focusInbox = useRef(autoFocus || inDialog);

  const stepRef = useRef(step);
  stepRef.current = step;

  function keep(name: SignUpStep) {
    if (!persistDraft) return;
    const { password: _password, ...values } = form.getValues();
    writeDraft(draftKey, { values, step: name, ...(waiting.current ? { inbox: waiting.current } : {}) });
  }

  function wait(next: Inbox | null) {
    waiting.current = next;
    setInbox(next);
    // A gate keeps this screen once the person comes back signed in (the link followed in another tab),
    // until the answers waiting here are saved.
    if (!next) release();
    else if (!user) hold.current ??= context.holds.hold();
  }

  // The draft is read after mounting, so server-rendered markup and the first client render agree.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keep reads the form and the draft key
  useEffect(() => {
    link.current ??= verifyLink(true);
    if (!persistDraft) return;
    const draft = readDraft(draftKey);
    if (draft) {
      form.reset({ ...form.getValues(), ...draft.values, password: '' });
      setStepName(draft.step);
      const pending = draft.inbox;
      if (typeof pending?.email === 'string') {
        wait({ email: pending.email, sentAt: Number(pending.sentAt) || 0 });
        setPhase('inbox');
      }
    }
    const subscription = form.watch(() => keep(stepRef.current));
    return () => subscription.unsubscribe();
  }, [persistDraft, draftKey, form]);
  useEffect(() => () => hold.current?.(), []);

  // Back from the link and signed in as the address that waited: the answers were already submitted with
  // "Create account", so they are saved now. Create only: a background saved meanwhile is never replaced.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the session or the phase changes
  useEffect(() => {
    if (phase !== 'inbox' || !user || busy.current) return;
    const same = user.email.toLowerCase() === waiting.current?.email.toLowerCase();
    waiting.current = null;
    keep('review');
    if (!same) {
      // Someone else is signed in: their questionnaire starts from these answers, and waits for them.
      wait(null);
      setPhase('editing');
      return;
    }
    busy.current = true;
    onClaim();
    void form.trigger().then((valid) => {
      busy.current = false;
      if (valid) return saveProfile(form.getValues(), user);
      setPhase('editing');
      focusFirstInvalid();
    });
  }, [phase, user]);

  useEffect(() => {
    if (moved.current) {
      moved.current = false;
      heading.current?.focus();
    }
  });

  function goTo(next: SignUpStep) {
    moved.current = true;
    setStepName(next);
    setFormError(null);
    const n = steps.indexOf(next);
    setAnnouncement(
      t('signUp.progress', { current: n + 1, total: steps.length, step: t(`signUp.step.${next}`) }),
    );
    keep(next);
  }

  function fieldsOfStep(name: SignUpStep): FieldPath<SignUpValues>[] {
    if (name === 'account') return ['name', 'email', 'password'];
    return questions
      .filter((q) => q.step === name)
      .flatMap((q) => formFieldsOf(q.name)) as FieldPath<SignUpValues>[];
  }

  async function next() {
    const fields = fieldsOfStep(step);
    const valid = fields.length === 0 || (await form.trigger(fields));
    if (!valid) {
      const count = fields.filter((f) => form.getFieldState(f).error).length;
      setAnnouncement(t('signUp.fixErrors', { count }));
      focusFirstInvalid();
      return;
    }
    const following = steps[index + 1];
    if (following) goTo(following);
  }

  function release() {
    hold.current?.();
    hold.current = null;
  }

  async function finish(values: SignUpValues) {
    if (busy.current) return;
    busy.current = true;
    onClaim();
    setFormError(null);
    let account = createdUser ?? user;
    if (!account) {
      // Only a new account holds gates on this form; someone already signed in is not affected.
      hold.current ??= context.holds.hold();
      setPhase('submitting');
      const email = values.email.trim();
      const result = await callAuth(() =>
        context.authClient.signUp.email({
          name: values.name.trim(),
          email,
          password: values.password,
          // Where the verification link leads, when the server requires one.
          callbackURL: verifyLink() as string,
        }),
      );
      const data = result.ok ? (result.data as { user?: SessionUser; token?: string | null } | null) : null;
      account = data?.user ?? null;
      if (account && data?.token === null) {
        // Created, but nobody is signed in until the address is verified: the answers wait in the draft.
        busy.current = false;
        link.current = undefined;
        wait({ email, sentAt: Date.now() });
        focusInbox.current = true;
        keep('review');
        setPhase('inbox');
        return;
      }
      if (!account) {
        // Refused, unreachable, or an answer without the user it created: keep the form as it is.
        const failure: AuthFailure = result.ok ? { code: 'INVALID_RESPONSE' } : result.failure;
        const { code, field } = failure;
        busy.current = false;
        release();
        setPhase('editing');
        onError?.({ code, step: 'account' });
        if (field) {
          form.setError(field, { type: code, message: failureText(t, failure) });
          goTo('account');
          moved.current = false;
          focusFirstInvalid();
        } else setFormError(failureText(t, failure));
        return;
      }
      setCreatedUser(account);
    }
    await saveProfile(values, account);
  }

  async function saveProfile(values: SignUpValues, account: SessionUser) {
    busy.current = true;
    setPhase('saving');
    const store = profileStoreFor(context);
    store.setUser(account.id);
    try {
      // Create only: a background saved meanwhile (in another tab, say) is never replaced by this one.
      const profile = await store.put(valuesToInput(values, questions), { ifNoneMatch: true });
      if (persistDraft) writeDraft(draftKey, null);
      moved.current = true;
      setPhase('done');
      setAnnouncement(t(createdUser || !user || inbox ? 'signUp.success' : 'signUp.successProfile'));
      onSuccess?.({ user: account, profile });
      release();
    } catch (error) {
      const code = isProfileKitError(error) ? error.code : 'UNKNOWN_ERROR';
      if (code === 'PROFILE_VERSION_CONFLICT') {
        moved.current = true;
        setPhase('exists');
        setAnnouncement(t('signUp.profileExists'));
        release();
      } else {
        setPhase('saveFailed');
        setFormError(`${t('signUp.saveFailed')} ${errorText(t, code)}`);
      }
      onError?.({ code, step: 'review' });
    } finally {
      busy.current = false;
    }
  }

  const submit = form.handleSubmit(
    (values) => (step === 'review' ? finish(values) : next()),
    () => {
      // Only reachable on the review step: an earlier step holds an error; show it there.
      const invalid = steps.find((s) => fieldsOfStep(s).some((f) => form.getFieldState(f).error));
      if (invalid && invalid !== step) goTo(invalid);
      moved.current = false;
      focusFirstInvalid();
    },
  );

  // An inbox with someone signed in lasts one render: the effect above saves or moves on.
  const pending = phase === 'submitting' || phase === 'saving' || phase === 'inbox';
  const madeAccount = !user || createdUser !== null || inbox !== null;
  const Title = TitleTag ?? headingTag(level);
  // The dialog's title is an h2 of its own document-level dialog; inline, the host's level counts.
  const StepHeading = headingTag(inDialog ? 2 : level, 1);
  const finished = phase === 'done' || phase === 'exists';
  const heading2 = finished
    ? t(
        phase === 'exists'
          ? 'signUp.existsTitle'
          : madeAccount
            ? 'signUp.doneTitle'
            : 'signUp.doneProfileTitle',
      )
    : (title ?? t(withAccount ? 'signUp.title' : 'signUp.completeTitle'));
  const progress = t('signUp.progress', {
    current: index + 1,
    total: steps.length,
    step: t(`signUp.step.${step}`),
  });

  const close = Corner ? <Corner label={t('signUp.close')} className={cx('close')} /> : null;
  const header = (
    <div className={cx('header')}>
      {/* In a dialog the title keeps the id the dialog is labelled by. */}
      <Title
        {...(inDialog ? {} : { id: `${id}-title` })}
        ref={finished ? heading : undefined}
        tabIndex={finished ? -1 : undefined}
        className={cx('title')}
      >
        {heading2}
      </Title>
      {finished ? null : (
        <>
          <ol className={cx('progress')} aria-label={t('signUp.progressLabel')}>
            {steps.map((s, i) => (
              <li
                key={s}
                className={cx('step')}
                aria-current={s === step ? 'step' : undefined}
                data-state={i < index ? 'complete' : s === step ? 'current' : 'upcoming'}
              >
                {t(`signUp.step.${s}`)}
              </li>
            ))}
          </ol>
          <p className={cx('description')}>{progress}</p>
        </>
      )}
      {close}
    </div>
  );

  const body = finished ? (
    <>
      <p className={cx('status')} data-state={phase === 'done' ? 'saved' : undefined}>
        {phase === 'exists'
          ? t('signUp.profileExists')
          : t(madeAccount ? 'signUp.success' : 'signUp.successProfile')}
      </p>
      {Close ? (
        <div className={cx('footer')}>
          <Close className={cx('button')}>{t('signUp.done')}</Close>
        </div>
      ) : null}
    </>
  ) : (
    <form
      ref={container}
      className={cx('form')}
      noValidate
      aria-labelledby={inDialog ? undefined : `${id}-title`}
      aria-busy={pending || undefined}
      onSubmit={(event) => {
        if (step !== 'review') {
          event.preventDefault();
          void next();
        } else void submit(event);
      }}
    >
      <StepHeading ref={heading} tabIndex={-1} className={cx('title')}>
        {t(`signUp.step.${step}`)}
      </StepHeading>
      {step === 'account' ? (
        <>
          {providers.length > 0 ? (
            // Its code loads only where providers are configured.
            <SocialButtons {...appearance} nested providers={providers} />
          ) : null}
          <TextField
            id={`${id}-name`}
            autoComplete="name"
            label={t('account.name')}
            error={form.formState.errors.name?.message}
            aria-required
            cx={cx}
            {...form.register('name')}
          />
          <TextField
            id={`${id}-email`}
            type="email"
            autoComplete="email"
            label={t('account.email')}
            error={form.formState.errors.email?.message}
            aria-required
            cx={cx}
            {...form.register('email')}
          />
          <TextField
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            label={t('account.password')}
            description={t('account.passwordHint', { min: minPasswordLength })}
            error={form.formState.errors.password?.message}
            maxLength={MAX_PASSWORD_LENGTH}
            aria-required
            cx={cx}
            {...form.register('password')}
          />
        </>
      ) : step === 'review' ? (
        <Review
          values={form.getValues()}
          questions={questions}
          showAccount={withAccount && !createdUser}
          t={t}
          cx={cx}
        />
      ) : (
        <Questions
          questions={questions.filter((q) => q.step === step)}
          // The questionnaire only reads the background fields of the sign-up form.
          form={form as never}
          idPrefix={id}
          t={t}
          cx={cx}
        />
      )}
      {formError ? (
        <p role="alert" className={cx('alert')}>
          {formError}
        </p>
      ) : null}
      {onSwitchToSignIn && withAccount && !createdUser ? (
        <p className={cx('description')}>
          <button type="button" className={cx('linkButton')} onClick={onSwitchToSignIn}>
            {t('signUp.toSignIn')}
          </button>
        </p>
      ) : null}
      <div className={cx(inDialog ? 'footer' : 'actions')}>
        {index > 0 && phase !== 'saveFailed' ? (
          <button
            type="button"
            className={cx('secondaryButton')}
            disabled={pending}
            onClick={() => goTo(steps[index - 1] ?? step)}
          >
            {t('signUp.back')}
          </button>
        ) : null}
        {phase === 'saveFailed' ? (
          <button
            type="button"
            className={cx('button')}
            onClick={() => {
              const account = createdUser ?? user;
              if (account && !busy.current) void saveProfile(form.getValues(), account);
            }}
          >
            {t('signUp.retry')}
          </button>
        ) : (
          <button type="submit" className={cx('button')} disabled={pending}>
            {step !== 'review'
              ? t('signUp.next')
              : phase === 'submitting'
                ? t('signUp.submitting')
                : phase === 'saving'
                  ? t('signUp.saving')
                  : t(withAccount && !createdUser ? 'signUp.submit' : 'signUp.submitProfile')}
          </button>
        )}
      </div>
    </form>
  );

  const content =
    phase === 'inbox' && !user && inbox ? (
      <Suspense fallback={<p className={cx('description')}>{t('loading')}</p>}>
        <CheckInbox
          appearance={appearance}
          Title={Title}
          corner={close}
          email={inbox.email}
          sentAt={inbox.sentAt}
          cooldown={resendCooldown}
          callbackURL={verifyLink() as string}
          link={isPending ? undefined : link.current}
          focus={focusInbox.current}
          onSent={(sentAt) => {
            wait({ ...inbox, sentAt });
            keep('review');
          }}
          onChangeEmail={() => {
            wait(null);
            setPhase('editing');
            goTo('account');
          }}
          onSwitchToSignIn={onSwitchToSignIn}
        />
      </Suspense>
    ) : (
      <>
        {header}
        {body}
        <p role="status" style={srOnly}>
          {announcement}
        </p>
      </>
    );
  return inDialog ? content : <div {...rootProps}>{content}</div>;
}
