// host-parts.tsx: the host questions' wrappers, below parts.tsx because the components parts.tsx loads (the
// editor) load these. Their chunk loads only for a questionnaire that has host questions.
import type { HostQuestionsProps, HostReviewProps } from '../types/host-props';
import { onDemand } from './on-demand';

/** @internal The host questions' fields, review and validation: loaded only for a questionnaire that has some. */
export const loadHostQuestions = () => import('../questionnaire/host-questions');

/** @internal The host questions of a sign-up step or of the editor; nothing until their code is loaded. */
export const HostQuestions = /* @__PURE__ */ onDemand<HostQuestionsProps>(
  'HostQuestions',
  () => loadHostQuestions().then((m) => m.HostQuestions),
  () => null,
);

/** @internal The host answers in the sign-up's review. */
export const HostReview = /* @__PURE__ */ onDemand<HostReviewProps>(
  'HostReview',
  () => loadHostQuestions().then((m) => m.HostReview),
  () => null,
);
