import { useId } from 'react';
import { headingTag, useAppearance } from '../context/use-appearance';
import { cardByDefault } from '../elements/card-by-default';
import { srOnly } from '../elements/field';
import { HostQuestions, HostReview } from '../lazy/host-parts';
import { CheckInbox, Review } from '../lazy/parts';
import { formText } from '../localization/en/form-messages';
import { Questions } from '../questionnaire/question-list';
import type { SignUpFormProps } from '../types/sign-up-props';
import { AccountStep } from './account-step';
import { useSignUp } from './use-sign-up';
import { verifyLink } from './verify-link';

/** The sign-up's steps, header and footer, its result, and the "Check your inbox" screen. */
export function SignUpFlow(props: SignUpFormProps & { onClaim: () => void }) {
  const {
    questionnaire,
    persistDraft,
    draftKey,
    minPasswordLength = 8,
    onSuccess,
    onError,
    onSwitchToSignIn,
    title,
    autoFocus,
    TitleTag,
    Close,
    corner: Corner,
    onClaim,
    whenProfileExists: _whenProfileExists,
    socialProviders,
    resendCooldown = 60,
    ...appearance
  } = props;
  const {
    context,
    t,
    cx,
    rootProps: own,
    level,
  } = useAppearance('SignUpWithBackground', appearance, formText);
  const rootProps = cardByDefault(own, appearance, context);
  const inDialog = Close !== undefined;
  const id = useId();
  const providers = socialProviders ?? context.socialProviders ?? [];
  const flow = useSignUp({
    context,
    t,
    questionnaire: questionnaire ?? context.questionnaire,
    persistDraft,
    draftKey,
    minPasswordLength,
    onSuccess,
    onError,
    autoFocus,
    inDialog,
    onClaim,
  });
  const { form, questions, host, steps, step, index, phase, user, inbox, finished, pending, madeAccount } =
    flow;
  const signingUp = flow.withAccount && !flow.createdUser;

  const Title = TitleTag ?? headingTag(level);
  // The dialog's title is an h2 of its own document-level dialog; inline, the host's level counts.
  const StepHeading = headingTag(inDialog ? 2 : level, 1);
  const heading = finished
    ? t(
        phase === 'exists'
          ? 'signUp.existsTitle'
          : madeAccount
            ? 'signUp.doneTitle'
            : 'signUp.doneProfileTitle',
      )
    : (title ?? t(flow.withAccount ? 'signUp.title' : 'signUp.completeTitle'));
  const progress = t('signUp.progress', {
    current: index + 1,
    total: steps.length,
    step: flow.stepLabel(step),
  });

  const close = Corner ? <Corner label={t('signUp.close')} className={cx('close')} /> : null;
  const header = (
    <div className={cx('header')}>
      {/* In a dialog the title keeps the id the dialog is labelled by. */}
      <Title
        {...(inDialog ? {} : { id: `${id}-title` })}
        ref={finished ? flow.resultHeading : undefined}
        tabIndex={finished ? -1 : undefined}
        className={cx('title')}
      >
        {heading}
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
                {flow.stepLabel(s)}
              </li>
            ))}
          </ol>
          <p className={cx('description')}>{progress}</p>
        </>
      )}
      {close}
    </div>
  );

  // Only where the account is made: a returning person notices at the first step.
  const toSignIn =
    onSwitchToSignIn && signingUp && step === 'account' ? (
      <p className={cx('description')}>
        <button type="button" className={cx('linkButton')} onClick={onSwitchToSignIn}>
          {t('signUp.toSignIn')}
        </button>
      </p>
    ) : null;
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
      ) : flow.held ? (
        // In a gate: its content shows once the person has read this.
        <div className={cx('actions')}>
          <button type="button" className={cx('button')} onClick={flow.proceed}>
            {t('signUp.continue')}
          </button>
        </div>
      ) : null}
    </>
  ) : (
    <form
      ref={flow.container}
      className={cx('form')}
      noValidate
      aria-labelledby={inDialog ? undefined : `${id}-title`}
      aria-busy={pending || undefined}
      onSubmit={flow.onSubmit}
    >
      <StepHeading ref={flow.heading} tabIndex={-1} className={cx('title')}>
        {flow.stepLabel(step)}
      </StepHeading>
      {step === 'account' ? (
        <AccountStep
          form={form}
          idPrefix={id}
          minPasswordLength={minPasswordLength}
          providers={providers}
          appearance={appearance}
          t={t}
          cx={cx}
        />
      ) : step === 'review' ? (
        <>
          <Review values={form.getValues()} questions={questions} showAccount={signingUp} t={t} cx={cx} />
          {host ? (
            <HostReview
              definition={host}
              questions={questions}
              values={form.getValues()}
              Heading={headingTag(inDialog ? 2 : level, 2) as 'h3'}
              t={t}
              cx={cx}
            />
          ) : null}
        </>
      ) : (
        <>
          <Questions
            questions={questions.filter((q) => q.step === step)}
            // The questionnaire only reads the background fields of the sign-up form.
            form={form as never}
            idPrefix={id}
            t={t}
            cx={cx}
          />
          {host ? (
            <HostQuestions
              definition={host}
              step={step}
              questions={questions}
              form={form as never}
              idPrefix={id}
              t={t}
              cx={cx}
            />
          ) : null}
        </>
      )}
      {flow.formError ? (
        <p role="alert" className={cx('alert')}>
          {flow.formError}
        </p>
      ) : null}
      <div className={cx(inDialog ? 'footer' : 'actions')}>
        {/* In a dialog the way to the sign-in shares the footer, on the start side. */}
        {inDialog ? toSignIn : null}
        {index > 0 && phase !== 'saveFailed' ? (
          <button type="button" className={cx('secondaryButton')} disabled={pending} onClick={flow.back}>
            {t('signUp.back')}
          </button>
        ) : null}
        {phase === 'saveFailed' ? (
          <button type="button" className={cx('button')} onClick={flow.retry}>
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
                  : t(signingUp ? 'signUp.submit' : 'signUp.submitProfile')}
          </button>
        )}
      </div>
      {/* Below the button, as the sign-in's "New here?" is. */}
      {inDialog ? null : toSignIn}
    </form>
  );

  const content =
    phase === 'inbox' && !user && inbox ? (
      <CheckInbox
        appearance={appearance}
        Title={Title}
        corner={close}
        email={inbox.email}
        sentAt={inbox.sentAt}
        cooldown={resendCooldown}
        callbackURL={verifyLink() as string}
        link={flow.isPending ? undefined : flow.link.current}
        focus={flow.focusInbox.current}
        onSent={flow.resent}
        onChangeEmail={flow.changeEmail}
        onSwitchToSignIn={onSwitchToSignIn}
      />
    ) : (
      <>
        {header}
        {body}
        <p role="status" style={srOnly}>
          {flow.announcement}
        </p>
      </>
    );
  return inDialog ? (
    content
  ) : (
    <div {...rootProps} data-pk-part="sign-up">
      {content}
    </div>
  );
}
