import type { Question } from '../../client/questionnaire';
import { LanguagesQuestion } from './languages-question';
import { MultiQuestion } from './multi-question';
import type { QuestionProps } from './question-parts';
import { SingleQuestion } from './single-question';

/** Renders the given questions with react-hook-form. */
export function Questions(props: Omit<QuestionProps, 'question'> & { questions: readonly Question[] }) {
  const { questions, ...rest } = props;
  return (
    <>
      {questions.map((question) => {
        const Kind =
          question.kind === 'languages'
            ? LanguagesQuestion
            : question.kind === 'multi'
              ? MultiQuestion
              : SingleQuestion;
        return <Kind key={question.name} question={question} {...rest} />;
      })}
    </>
  );
}
