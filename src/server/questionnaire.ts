import { defineQuestionnaire, type QuestionnaireDefinition } from '../client/questionnaire';

/**
 * The handler's questionnaire, checked once at start-up (a bad definition throws its `TypeError` there,
 * not on the first write) and copied as plain data, so a host that changes its object later cannot change
 * the rules.
 */
export function checkedQuestionnaire(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  if (typeof definition !== 'object' || definition === null)
    throw new TypeError('createProfileHandler: `questionnaire` must be a questionnaire definition');
  return structuredClone(defineQuestionnaire(definition));
}
