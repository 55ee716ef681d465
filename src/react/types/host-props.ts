import type { UseFormReturn } from 'react-hook-form';
import type { Question, QuestionnaireDefinition } from '../../client/questionnaire';
import type { Cx } from './appearance-props';
import type { BackgroundValues } from './form-values';
import type { Translate } from './message-keys';

/** @internal The host questions of one sign-up step, or of the whole editor. */
export interface HostQuestionsProps {
  definition: QuestionnaireDefinition;
  /** The step whose questions show; every step's when left out (the editor). */
  step?: string;
  /** The built-in questions, for `visibleWhen` on their answers. */
  questions: readonly Question[];
  form: UseFormReturn<BackgroundValues>;
  idPrefix: string;
  t: Translate;
  cx: Cx;
}

/** @internal The host answers in the sign-up's review, under the label of each step. */
export interface HostReviewProps {
  definition: QuestionnaireDefinition;
  questions: readonly Question[];
  values: BackgroundValues;
  /** The heading of each step's list. */
  Heading: 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'p';
  t: Translate;
  cx: Cx;
}
