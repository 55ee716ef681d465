import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { type FieldPath, get, useForm } from 'react-hook-form';
import type { Question, QuestionnaireDefinition } from '../../client/questionnaire';
import { resolveQuestionnaire } from '../../client/questions';
import { loadHostQuestions } from '../lazy/host-parts';
import type { BackgroundValues } from '../types/form-values';
import type { Translate } from '../types/message-keys';
import { createResolver, type ValidationContext } from './form-model';
import { noSubscription, serverPass } from './register-field';

/**
 * The form of a questionnaire: react-hook-form, validated with the field definition and the profilekit/client
 * schemas, each answer checked again as the person fixes it. `account` adds the sign-up's account fields.
 */
export function useQuestionnaireForm<T extends BackgroundValues>(
  definition: QuestionnaireDefinition | undefined,
  t: Translate,
  /** A function gets the resolved questions (as when the values come from a profile). */
  defaultValues: T | ((questions: readonly Question[]) => T),
  account?: ValidationContext['account'],
) {
  const questions = useMemo(() => resolveQuestionnaire(definition), [definition]);
  const [initialValues] = useState(() =>
    typeof defaultValues === 'function' ? defaultValues(questions) : defaultValues,
  );
  const host = definition?.questions?.length ? definition : undefined;
  const validation = useRef<ValidationContext>({ questions, t });
  validation.current = { questions, t, account, definition: host, loadHost: loadHostQuestions };
  const form = useForm<T>({
    // Only the first render's values count, as with useForm itself.
    defaultValues: initialValues as never,
    resolver: createResolver<T>(() => validation.current),
    shouldFocusError: false,
  });
  serverPass.set(
    form.control,
    useSyncExternalStore(
      noSubscription,
      () => false,
      () => true,
    ),
  );
  // Once a question shows an error, it is checked again as the person changes it, so the error goes away as
  // soon as the answer is right (errors first appear on Next or Save, not while typing).
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!name) return;
      const [head, second] = name.split('.');
      const question = head === 'answers' ? `answers.${second}` : head === 'other' ? second : head;
      if (!question) return;
      const names = [question, `other.${question}`].filter((n) => get(form.formState.errors, n));
      if (names.length > 0) void form.trigger(names as FieldPath<T>[]);
    });
    return () => subscription.unsubscribe();
  }, [form]);
  return { questions, form, host };
}
