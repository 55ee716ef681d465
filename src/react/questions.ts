// Loaded with the forms, not with the gate: the default option lists stay out of the entry chunk.
export { resolveQuestionnaire } from '../client/questions';
