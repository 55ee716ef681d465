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
import { callAuth } from './auth-errors';
import { type AppearanceProps, type SessionUser, useAppearance, useSession } from './context';
import { type Cx, srOnly, TextField, useFocusFirstInvalid } from './field';
import type { Question, QuestionnaireDefinition, QuestionStep } from './fields';
import { formText } from './form-messages';
import {
  emptyBackground,
  formFieldsOf,
  MAX_PASSWORD_LENGTH,
  type SignUpValues,
  valuesToInput,
} from './form-model';
import { errorText, type Translate } from './messages';
import { profileStoreFor } from './profile-store';
import { answerText, Questions, questionLabel, useQuestionnaireForm } from './questionnaire';

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
}

type Phase = 'editing' | 'submitting' | 'saving' | 'saveFailed' | 'done';

interface Draft {
  values: Omit<SignUpValues, 'password'>;
  step: SignUpStep;
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

/**
 * Email and password sign-up followed by the software and hardware background questionnaire:
 * Account → Software background → Hardware background → Review. A person who is already signed in only
 * answers the questionnaire. In `dialog` mode it opens in a modal dialog (focus trapped, and returned to
 * the trigger on close); the dialog's code loads when the person reaches for the trigger.
 */
export function SignUpWithBackground(props: SignUpWithBackgroundProps) {
  const { mode = 'inline', trigger, open, defaultOpen = false, onOpenChange, ...rest } = props;
  const { context, t, cx, rootProps } = useAppearance('SignUpWithBackground', rest, formText);
  const [ownOpen, setOwnOpen] = useState(defaultOpen);
  const [wanted, setWanted] = useState(defaultOpen || open === true);
  const triggerRef = useRef<HTMLElement>(null);
  if (mode !== 'dialog') return <SignUpForm {...rest} />;
  const isOpen = open ?? ownOpen;
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
      {t('signUp.trigger')}
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
            {({ Title, Close }) => (
              <SignUpForm
                {...rest}
                TitleTag={Title}
                close={<Close className={cx('secondaryButton')}>{t('signUp.close')}</Close>}
              />
            )}
          </SignUpDialog>
        </Suspense>
      ) : null}
    </>
  );
}

function SignUpForm(
  props: Omit<SignUpWithBackgroundProps, 'mode' | 'trigger' | 'open' | 'defaultOpen' | 'onOpenChange'> & {
    /** In dialog mode, the dialog's own title part. */
    TitleTag?: ElementType;
    /** In dialog mode, the button that closes it. */
    close?: ReactNode;
  },
) {
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
    TitleTag = 'h2',
    close,
    ...appearance
  } = props;
  const { context, t, cx, rootProps } = useAppearance('SignUpWithBackground', appearance, formText);
  const { user } = useSession();
  const id = useId();
  const [createdUser, setCreatedUser] = useState<SessionUser | null>(null);
  const withAccount = !user || createdUser !== null;
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

  const stepRef = useRef(step);
  stepRef.current = step;

  // The draft is read after mounting, so server-rendered markup and the first client render agree.
  useEffect(() => {
    if (!persistDraft) return;
    const draft = readDraft(draftKey);
    if (draft) {
      form.reset({ ...form.getValues(), ...draft.values, password: '' });
      setStepName(draft.step);
    }
    const subscription = form.watch((values) => {
      const { password: _password, ...kept } = values as SignUpValues;
      writeDraft(draftKey, { values: kept, step: stepRef.current });
    });
    return () => subscription.unsubscribe();
  }, [persistDraft, draftKey, form]);
  useEffect(() => () => hold.current?.(), []);

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
    if (persistDraft) {
      const { password: _password, ...kept } = form.getValues();
      writeDraft(draftKey, { values: kept, step: next });
    }
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
    setFormError(null);
    let account = createdUser ?? user;
    if (!account) {
      // Only a new account holds gates on this form; someone already signed in is not affected.
      hold.current ??= context.holds.hold();
      setPhase('submitting');
      const result = await callAuth(() =>
        context.authClient.signUp.email({
          name: values.name.trim(),
          email: values.email.trim(),
          password: values.password,
        }),
      );
      account = result.ok ? ((result.data as { user?: SessionUser } | null)?.user ?? null) : null;
      if (!account) {
        // Refused, unreachable, or an answer without the user it created: keep the form as it is.
        const { code, field } = result.ok ? { code: 'INVALID_RESPONSE', field: undefined } : result.failure;
        busy.current = false;
        release();
        setPhase('editing');
        onError?.({ code, step: 'account' });
        if (field) {
          form.setError(field, { type: code, message: errorText(t, code) });
          goTo('account');
          moved.current = false;
          focusFirstInvalid();
        } else setFormError(errorText(t, code));
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
      const profile = await store.put(valuesToInput(values, questions));
      if (persistDraft) writeDraft(draftKey, null);
      setPhase('done');
      setAnnouncement(t('signUp.success'));
      onSuccess?.({ user: account, profile });
      release();
    } catch (error) {
      const code = isProfileKitError(error) ? error.code : 'UNKNOWN_ERROR';
      setPhase('saveFailed');
      setFormError(`${t('signUp.saveFailed')} ${errorText(t, code)}`);
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

  const pending = phase === 'submitting' || phase === 'saving';
  const heading2 = title ?? t(withAccount ? 'signUp.title' : 'signUp.completeTitle');
  const inDialog = close !== undefined;
  const progress = t('signUp.progress', {
    current: index + 1,
    total: steps.length,
    step: t(`signUp.step.${step}`),
  });

  const body =
    phase === 'done' ? (
      <p className={cx('description')}>{t('signUp.success')}</p>
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
        <h3 ref={heading} tabIndex={-1} className={cx('title')}>
          {t(`signUp.step.${step}`)}
        </h3>
        {step === 'account' ? (
          <>
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
            showEmail={withAccount && !createdUser}
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
        <div className={cx('actions')}>
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
        {onSwitchToSignIn && withAccount && !createdUser ? (
          <p className={cx('description')}>
            <button type="button" className={cx('linkButton')} onClick={onSwitchToSignIn}>
              {t('signUp.toSignIn')}
            </button>
          </p>
        ) : null}
      </form>
    );

  const content = (
    <>
      {/* In a dialog the title keeps the id the dialog is labelled by. */}
      <TitleTag {...(inDialog ? {} : { id: `${id}-title` })} className={cx('title')}>
        {heading2}
      </TitleTag>
      {body}
      <p role="status" style={srOnly}>
        {announcement}
      </p>
      {close}
    </>
  );
  return inDialog ? content : <div {...rootProps}>{content}</div>;
}

/**
 * The answers, as the last step lists them. The step has no inputs, so the values read when it renders are
 * the values; nothing here follows the form keystroke by keystroke.
 */
function Review({
  values,
  questions,
  showEmail,
  t,
  cx,
}: {
  values: SignUpValues;
  questions: readonly Question[];
  showEmail: boolean;
  t: Translate;
  cx: Cx;
}) {
  return (
    <dl className={cx('review')}>
      {showEmail ? (
        <div>
          <dt>{t('account.email')}</dt>
          <dd>{values.email}</dd>
        </div>
      ) : null}
      {questions.map((q) => (
        <div key={q.name}>
          <dt>{questionLabel(q, t)}</dt>
          <dd>{answerText(q, values, t) || t('signUp.noAnswer')}</dd>
        </div>
      ))}
    </dl>
  );
}
