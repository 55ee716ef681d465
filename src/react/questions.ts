import { EXPERIENCE_YEARS_OPTIONS } from '../client/constants';
import {
  BACKGROUND_FIELDS,
  type BackgroundFieldName,
  checkOptions,
  checkQuestionnaire,
  type Question,
  type QuestionKind,
  type QuestionnaireDefinition,
  type QuestionStep,
} from './fields';

// The default questions and their option lists: loaded with the forms, not with the gate.

interface Default {
  kind: QuestionKind;
  step: QuestionStep;
  required: boolean;
  options?: readonly string[];
}

const DEFAULTS: Record<BackgroundFieldName, Default> = {
  languages: {
    kind: 'languages',
    step: 'software',
    required: true,
    options: [
      'Python',
      'JavaScript',
      'TypeScript',
      'Java',
      'C',
      'C++',
      'C#',
      'Go',
      'Rust',
      'Kotlin',
      'Swift',
    ],
  },
  frameworks: {
    kind: 'multi',
    step: 'software',
    required: false,
    options: [
      'React',
      'Vue',
      'Angular',
      'Next.js',
      'Django',
      'Flask',
      'Spring',
      'Express',
      '.NET',
      'PyTorch',
    ],
  },
  experienceYears: { kind: 'text', step: 'software', required: true, options: EXPERIENCE_YEARS_OPTIONS },
  softwareExperience: { kind: 'level', step: 'software', required: true },
  devices: {
    kind: 'multi',
    step: 'hardware',
    required: false,
    options: ['Raspberry Pi', 'Arduino', 'ESP32', 'STM32', 'NVIDIA Jetson', 'FPGA board'],
  },
  architectureFamiliarity: {
    kind: 'multi',
    step: 'hardware',
    required: false,
    options: ['x86_64', 'ARM', 'RISC-V', 'AVR', 'GPU (CUDA)'],
  },
  hardwareExperience: { kind: 'level', step: 'hardware', required: true },
  backgroundPreference: { kind: 'choice', step: 'hardware', required: true },
};

/** Applies a definition to the defaults: the visible questions in order. */
export function resolveQuestionnaire(definition: QuestionnaireDefinition = {}): Question[] {
  checkQuestionnaire(definition);
  const order = [...new Set([...(definition.order ?? []), ...BACKGROUND_FIELDS])];
  const questions: Question[] = [];
  for (const name of order) {
    const base = DEFAULTS[name];
    const own = definition.fields?.[name] ?? {};
    const defaults = base.options ?? [];
    const options = typeof own.options === 'function' ? own.options(defaults) : (own.options ?? defaults);
    checkOptions(name, options);
    if (own.hidden) continue;
    questions.push({
      name,
      kind: base.kind,
      step: own.step ?? base.step,
      label: own.label,
      description: own.description,
      required: own.required ?? base.required,
      options: base.options ? options : [],
      allowOther: base.options ? (own.allowOther ?? true) : false,
    });
  }
  return questions;
}
