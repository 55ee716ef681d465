import { SignUpWithBackground } from 'profilekit';
import { questionnaire } from '../../lib/questionnaire';

// A Server Component hands the shared questionnaire to a client component: `defineQuestionnaire` resolved
// its `options` function where it was defined, so what crosses is plain data.
export default function JoinPage() {
  return (
    <main>
      <h1>Join the course</h1>
      <SignUpWithBackground questionnaire={questionnaire} />
    </main>
  );
}
