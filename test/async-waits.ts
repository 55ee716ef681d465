// Testing Library's waits (findBy…, waitFor) give up after one second by default. What they wait for here is
// real work (a lazy chunk imported and transformed, a form rendered by React's development build), which on a
// two-core machine running the browser suites beside the unit tests can take longer than that; five seconds
// still fails a test whose element never comes, well inside vitest's own timeout.
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 5_000 });
