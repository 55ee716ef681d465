import { AuthGate, SignUpWithBackground } from 'profilekit';

// A Server Component: the profilekit components are client components it renders like any other.
export default function CoursePage() {
  return (
    <main>
      <h1>Embedded Systems Course</h1>
      <SignUpWithBackground
        mode="dialog"
        trigger={
          <button type="button" className="join">
            Join the course
          </button>
        }
      />
      <AuthGate fallback={<p>Join to see the lessons picked for your background.</p>}>
        <p>Welcome back: your lessons are below.</p>
      </AuthGate>
    </main>
  );
}
