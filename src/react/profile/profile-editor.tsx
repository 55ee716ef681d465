import { useEffect, useId, useState } from 'react';
import { ErrorCodes, isProfileKitError } from '../../client/errors';
import type { Profile } from '../../client/schema';
import { headingTag, useAppearance } from '../context/use-appearance';
import { useFocusFirstInvalid } from '../elements/field';
import { Loading } from '../elements/loading';
import { HostQuestions, loadHostQuestions } from '../lazy/host-parts';
import { formText } from '../localization/en/form-messages';
import { errorText } from '../localization/translate';
import { changedKeys, profileToValues, valuesToInput, visibleAnswers } from '../questionnaire/form-model';
import { Questions } from '../questionnaire/question-list';
import { useQuestionnaireForm } from '../questionnaire/use-questionnaire-form';
import type { InDialog, ProfileEditorProps } from '../types/profile-props';
import { LoadFailed } from './load-failed';
import { profileStoreFor } from './profile-store';
import { useProfile } from './use-profile';

interface Baseline {
  profile: Profile | null;
  etag: string | null;
}

/**
 * Edits the signed-in person's background. Saves only what changed, conditional on the version it loaded;
 * when someone saved in between, it says so and lets the person reload while keeping their changes.
 */
export function ProfileEditor(props: ProfileEditorProps & InDialog) {
  const {
    questionnaire,
    onSuccess,
    onError,
    warnBeforeLeaving = true,
    title,
    TitleTag,
    bare = false,
    ...appearance
  } = props;
  const { context, t, cx, rootProps, level } = useAppearance('ProfileEditor', appearance, formText);
  const id = useId();
  const profileState = useProfile();
  const { status, profile, etag } = profileState;
  // A profile known at the first render (read on the server, or already loaded) is shown at once.
  const known = status === 'ready' || status === 'missing';
  const { questions, form, host } = useQuestionnaireForm(questionnaire ?? context.questionnaire, t, (qs) =>
    profileToValues(known ? profile : null, qs),
  );
  const { isDirty } = form.formState;
  const [baseline, setBaseline] = useState<Baseline | null>(() => (known ? { profile, etag } : null));
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { container, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();

  // Follow the stored profile while nothing is typed; once something is, only a save or reload moves on.
  useEffect(() => {
    if (!known) return;
    if (baseline?.profile === profile) {
      // The same version, now with the ETag the store saw in the save's response.
      if (baseline.etag !== etag) setBaseline({ profile, etag });
      return;
    }
    if (baseline && (isDirty || conflict)) return;
    form.reset(profileToValues(profile, questions));
    setBaseline({ profile, etag });
  }, [known, profile, etag, baseline, isDirty, conflict, form, questions]);

  // "Saved" stays next to the button until the person changes something again.
  const savedText = t('editor.saved');
  useEffect(() => {
    if (isDirty) setAnnouncement((current) => (current === savedText ? '' : current));
  }, [isDirty, savedText]);

  useEffect(() => {
    if (!warnBeforeLeaving || !isDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [warnBeforeLeaving, isDirty]);

  const save = form.handleSubmit(
    async (values) => {
      if (saving || !baseline) return;
      setSaving(true);
      setFormError(null);
      setAnnouncement(t('editor.saving'));
      try {
        let saved: Profile;
        // The host questions shown: their chunk is loaded by now (it rendered them).
        const hosted =
          host && (await loadHostQuestions()).hostWrite(host, values, questions, baseline.profile?.answers);
        if (baseline.profile) {
          // Only what the person changed, so answers to hidden questions and other edits stay as they are.
          const answers = visibleAnswers(values, questions);
          const keys = changedKeys(answers, baseline.profile);
          const patch: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, answers[k]]));
          // Host answers too: only those of shown questions that changed (`null` clears one). Answers of
          // removed, hidden and not-shown questions are never sent, so the server keeps them.
          if (hosted && Object.keys(hosted.changed).length) patch.answers = hosted.changed;
          saved = await profileState.update(patch, { ifMatch: baseline.etag });
        } else {
          const input = valuesToInput(values, questions);
          saved = await profileState.save(hosted ? { ...input, answers: hosted.answers } : input);
        }
        form.reset(profileToValues(saved, questions));
        setBaseline({ profile: saved, etag: null });
        setAnnouncement(t('editor.saved'));
        onSuccess?.(saved);
      } catch (error) {
        const code = isProfileKitError(error) ? error.code : ErrorCodes.UNKNOWN_ERROR;
        if (code === ErrorCodes.PROFILE_VERSION_CONFLICT) setConflict(true);
        else setFormError(errorText(t, code));
        setAnnouncement('');
        onError?.(code);
      } finally {
        setSaving(false);
      }
    },
    (errors) => {
      setAnnouncement(t('signUp.fixErrors', { count: Object.keys(errors).length }));
      focusFirstInvalid();
    },
  );

  async function reload(keepChanges: boolean) {
    await profileState.reload();
    const latest = profileStoreFor(context).getState();
    if (latest.error) {
      setFormError(errorText(t, latest.error.code));
      return;
    }
    form.reset(profileToValues(latest.profile, questions), { keepDirtyValues: keepChanges });
    setBaseline({ profile: latest.profile, etag: latest.etag });
    setConflict(false);
    setFormError(null);
    setAnnouncement(t('editor.reloaded'));
  }

  const heading = title ?? t('editor.title');
  if (status === 'signed-out') {
    return (
      <div {...rootProps}>
        <p className={cx('description')}>{t('editor.signedOut')}</p>
      </div>
    );
  }
  if (status === 'error' && !profile) return <LoadFailed {...appearance} />;
  if (!baseline) return <Loading {...appearance} />;

  const Title = TitleTag ?? headingTag(level);
  const saved = announcement === savedText;
  const form_ = (
    <form
      ref={container}
      className={cx('form')}
      noValidate
      aria-labelledby={TitleTag ? undefined : `${id}-title`}
      aria-busy={saving || undefined}
      onSubmit={save}
    >
      {/* In a dialog the title keeps the id the dialog is labelled by. */}
      <Title {...(TitleTag ? {} : { id: `${id}-title` })} className={cx('title')}>
        {heading}
      </Title>
      <Questions questions={questions} form={form} idPrefix={id} t={t} cx={cx} />
      {host ? (
        <HostQuestions definition={host} questions={questions} form={form} idPrefix={id} t={t} cx={cx} />
      ) : null}
      {conflict ? (
        <div role="alert" className={cx('alert')}>
          <p>{t('editor.conflict')}</p>
          <div className={cx('actions')}>
            <button type="button" className={cx('button')} onClick={() => void reload(true)}>
              {t('editor.reloadKeep')}
            </button>
            <button type="button" className={cx('secondaryButton')} onClick={() => void reload(false)}>
              {t('editor.reloadDiscard')}
            </button>
          </div>
        </div>
      ) : null}
      {formError ? (
        <p role="alert" className={cx('alert')}>
          {formError}
        </p>
      ) : null}
      {isDirty ? <p className={cx('description')}>{t('editor.unsaved')}</p> : null}
      <div className={cx('actions')}>
        <button
          type="submit"
          className={cx('button')}
          disabled={saving || conflict || (!isDirty && baseline.profile !== null)}
        >
          {saving ? t('editor.saving') : baseline.profile ? t('editor.save') : t('editor.create')}
        </button>
        {isDirty ? (
          <button
            type="button"
            className={cx('secondaryButton')}
            disabled={saving}
            onClick={() => form.reset()}
          >
            {t('editor.reset')}
          </button>
        ) : null}
        {/* Always present, so it is announced; visible beside the button that caused it. */}
        <p role="status" className={cx('status')} data-state={saved ? 'saved' : undefined}>
          {announcement}
        </p>
      </div>
    </form>
  );
  return bare ? form_ : <div {...rootProps}>{form_}</div>;
}
