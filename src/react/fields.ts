// The questionnaire's definition is React-free and lives in `profilekit/client`, so servers and Server
// Components can use it; the React files import it from here.
export * from '../client/questionnaire';
