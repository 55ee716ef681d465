import { EXPERIENCE_YEARS_OPTIONS } from './constants';

// The built-in questions' suggested answers: loaded with the forms and with `defineQuestionnaire`, not with
// the gate.

/** The suggested answers; a question without a list takes no free answer. */
export const DEFAULT_OPTIONS: Readonly<Record<string, readonly string[] | undefined>> = {
  languages: [
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
  frameworks: [
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
  // The package's ranges as a choice; a host that wants free answers sets allowOther.
  experienceYears: EXPERIENCE_YEARS_OPTIONS,
  devices: ['Raspberry Pi', 'Arduino', 'ESP32', 'STM32', 'NVIDIA Jetson', 'FPGA board'],
  architectureFamiliarity: ['x86_64', 'ARM', 'RISC-V', 'AVR', 'GPU (CUDA)'],
};
