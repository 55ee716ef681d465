import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { isProfileKitError } from '../../client/errors';
import type { QuestionnaireDefinition } from '../../client/questionnaire';
import { type AuthFailure, callAuth, failureText } from '../context/auth-call';
import { InGate } from '../context/in-gate';
import type { ProfileKitContextValue } from '../context/provider';
import { useSession } from '../context/use-session';
import { useFocusFirstInvalid } from '../elements/field';
import { loadHostQuestions } from '../lazy/host-parts';
import { errorText } from '../localization/translate';
import { profileStoreFor } from '../profile/profile-store';
import { emptyBackground, formFieldsOf, valuesToInput } from '../questionnaire/form-model';
import { useQuestionnaireForm } from '../questionnaire/use-questionnaire-form';
import type { SessionUser } from '../types/auth-client';
import type { SignUpValues } from '../types/form-values';
import type { MessageKey, Translate } from '../types/message-keys';
import type { SignUpFormProps, SignUpStep } from '../types/sign-up-props';
import { type Inbox, readDraft, writeDraft } from './draft';
import { verifyLink } from './verify-link';

/** Where the sign-up stands; `inbox` waits for the verification link. */
export type Phase = 'editing' | 'submitting' | 'saving' | 'saveFailed' | 'done' | 'exists' | 'inbox';

export interface SignUpOptions
  extends Pick<SignUpFormProps, 'onSuccess' | 'onError' | 'persistDraft' | 'draftKey' | 'autoFocus'> {
  context: ProfileKitContextValue;
  t: Translate;
  questionnaire: QuestionnaireDefinition | undefined;
  minPasswordLength: number;
  /** In a dialog, the inbox screen takes focus when it appears. */
  inDialog: boolean;
  /** Called when the person submits: from then on the form stays whatever the session does. */
  onClaim: () => void;
}

/**
 * The sign-up's flow: which steps there are, where the person is, the draft kept in sessionStorage, the
 * account created at the last step, the background saved (create only), and the wait for a verification
 * link when the server requires one. The view reads what it returns and calls its actions.
 */
export function useSignUp(options: SignUpOptions) {
  const {
    context,
    t,
    questionnaire,
    persistDraft = true,
    draftKey = 'profilekit:sign-up',
    minPasswordLength,
    onSuccess,
    onError,
    autoFocus = false,
    inDialog,
    onClaim,
  } = options;
  const { user, isPending } = useSession();
  const inGate = useContext(InGate);
  const [createdUser, setCreatedUser] = useState<SessionUser | null>(null);
  const withAccount = !user || createdUser !== null;
  const { questions, form, host } = useQuestionnaireForm<SignUpValues>(
    questionnaire,
    t,
    { name: '', email: '', password: '', ...emptyBackground() },
    withAccount && !createdUser ? { minPasswordLength } : undefined,
  );
  const hostQuestions = useMemo(() => (host?.questions ?? []).filter((q) => !q.hidden), [host]);
  const steps = useMemo((): SignUpStep[] => {
    const used = new Set<string>(questions.map((q) => q.step));
    for (const q of hostQuestions) used.add(q.step ?? 'software');
    return [
      ...(withAccount ? (['account'] as const) : []),
      ...['software', 'hardware', ...(host?.steps ?? []).map((s) => s.id)].filter((s) => used.has(s)),
      'review' as const,
    ];
  }, [questions, hostQuestions, host, withAccount]);
  /** A step's name: the built-in ones from the tables, a host's own from its definition. */
  const stepLabel = (name: SignUpStep) =>
    host?.steps?.find((s) => s.id === name)?.label ?? t(`signUp.step.${name}` as MessageKey);
  const [stepName, setStepName] = useState<SignUpStep>(steps[0] ?? 'review');
  const step = steps.includes(stepName) ? stepName : (steps[0] ?? 'review');
  const index = steps.indexOf(step);
  const [phase, setPhase] = useState<Phase>('editing');
  const [formError, setFormError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const busy = useRef(false);
  const hold = useRef<(() => void) | null>(null);
  const [held, setHeld] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // A ref of its own: the step's heading, going away as the result's comes, would otherwise clear a shared
  // one after it is set (Preact detaches after attaching).
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // Set with the result: focus goes to its heading once it is rendered. A ref apart from `moved`, as an
  // effect of an earlier render may run in between (Preact runs effects after paint).
  const toResult = useRef(false);
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
    if (toResult.current) {
      if (!resultHeading.current) return;
      toResult.current = false;
      moved.current = false;
      resultHeading.current.focus();
    } else if (moved.current) {
      moved.current = false;
      heading.current?.focus();
    }
  });

  function goTo(next: SignUpStep) {
    moved.current = true;
    setStepName(next);
    setFormError(null);
    const n = steps.indexOf(next);
    setAnnouncement(t('signUp.progress', { current: n + 1, total: steps.length, step: stepLabel(next) }));
    keep(next);
  }

  function fieldsOfStep(name: SignUpStep): FieldPath<SignUpValues>[] {
    if (name === 'account') return ['name', 'email', 'password'];
    return [
      ...questions.filter((q) => q.step === name).flatMap((q) => formFieldsOf(q.name)),
      ...hostQuestions.filter((q) => (q.step ?? 'software') === name).map((q) => `answers.${q.id}`),
    ] as FieldPath<SignUpValues>[];
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
    setHeld(false);
  }

  /**
   * In a gate's fallback the result stays on screen until the person continues: the gate keeps it rather
   * than swapping to its content under them (the hold ends with `proceed`, or when the form goes away).
   */
  function keepResult() {
    if (inGate && hold.current) setHeld(true);
    else release();
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
      const input = valuesToInput(values, questions);
      // The answers of the host questions shown; the chunk that asked them is loaded by now.
      const answers = host && (await loadHostQuestions()).hostWrite(host, values, questions).answers;
      const profile = await store.put(answers ? { ...input, answers } : input, { ifNoneMatch: true });
      if (persistDraft) writeDraft(draftKey, null);
      toResult.current = true;
      setPhase('done');
      setAnnouncement(t(createdUser || !user || inbox ? 'signUp.success' : 'signUp.successProfile'));
      onSuccess?.({ user: account, profile });
      keepResult();
    } catch (error) {
      const code = isProfileKitError(error) ? error.code : 'UNKNOWN_ERROR';
      if (code === 'PROFILE_VERSION_CONFLICT') {
        toResult.current = true;
        setPhase('exists');
        setAnnouncement(t('signUp.profileExists'));
        keepResult();
      } else {
        setPhase('saveFailed');
        setFormError(t('signUp.saveFailed', { reason: errorText(t, code) }));
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

  return {
    user,
    isPending,
    form,
    questions,
    host,
    steps,
    stepLabel,
    step,
    index,
    phase,
    formError,
    announcement,
    inbox,
    withAccount,
    createdUser,
    /** The heading that takes focus on each new step. */
    heading,
    /** The result's heading, which takes focus when the sign-up is done. */
    resultHeading,
    container,
    /** What a followed verification link brought back; undefined until read. */
    link,
    focusInbox,
    /** An inbox with someone signed in lasts one render: the effect above saves or moves on. */
    pending: phase === 'submitting' || phase === 'saving' || phase === 'inbox',
    madeAccount: !user || createdUser !== null || inbox !== null,
    finished: phase === 'done' || phase === 'exists',
    /** The result holds a gate's content back until the person continues. */
    held,
    proceed: release,
    onSubmit(event: { preventDefault(): void }) {
      if (step !== 'review') {
        event.preventDefault();
        void next();
      } else void submit(event as Parameters<typeof submit>[0]);
    },
    back: () => goTo(steps[index - 1] ?? step),
    retry() {
      const account = createdUser ?? user;
      if (account && !busy.current) void saveProfile(form.getValues(), account);
    },
    resent(sentAt: number) {
      if (!inbox) return;
      wait({ ...inbox, sentAt });
      keep('review');
    },
    changeEmail() {
      wait(null);
      setPhase('editing');
      goTo('account');
    },
  };
}
