import { expect, userEvent, waitFor, within } from 'storybook/test';

/** Queries over the whole page: dialogs render outside the story's canvas. */
export const page = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

type Page = ReturnType<typeof page>;

export async function expectStep(screen: Page, name: string) {
  await waitFor(() => expect(screen.getByRole('heading', { name })).toHaveFocus());
}

export async function fillAccount(screen: Page, email = 'grace@example.com') {
  await userEvent.type(await screen.findByLabelText('Name'), 'Grace Hopper');
  await userEvent.type(screen.getByLabelText('Email'), email);
  await userEvent.type(screen.getByLabelText('Password'), 'cobol-forever-1959');
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  await expectStep(screen, 'Software background');
}

export async function fillSoftware(screen: Page) {
  await userEvent.type(screen.getByLabelText('Language 1'), 'Python');
  await userEvent.selectOptions(screen.getByLabelText('Level for language 1'), 'advanced');
  await userEvent.click(screen.getByRole('checkbox', { name: 'React' }));
  await userEvent.click(screen.getByRole('radio', { name: '3-5' }));
  await userEvent.selectOptions(screen.getByLabelText('Overall software experience'), 'intermediate');
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  await expectStep(screen, 'Hardware background');
}

export async function fillHardware(screen: Page) {
  await userEvent.click(screen.getByRole('checkbox', { name: 'Raspberry Pi' }));
  await userEvent.selectOptions(screen.getByLabelText('Overall hardware experience'), 'beginner');
  await userEvent.click(screen.getByRole('radio', { name: 'Both' }));
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  await expectStep(screen, 'Review');
}

/** Text in German, to show every string can be replaced. */
export const german = {
  loading: 'Wird geladen…',
  'signIn.title': 'Anmelden',
  'signIn.email': 'E-Mail',
  'signIn.password': 'Passwort',
  'signIn.submit': 'Anmelden',
  'signIn.submitting': 'Anmeldung läuft…',
  'signIn.noAccount': 'Neu hier?',
  'signIn.toSignUp': 'Konto erstellen',
  'signUp.title': 'Konto erstellen',
  'signUp.progress': 'Schritt {current} von {total}: {step}',
  'signUp.progressLabel': 'Fortschritt',
  'signUp.step.account': 'Konto',
  'signUp.step.software': 'Software-Erfahrung',
  'signUp.step.hardware': 'Hardware-Erfahrung',
  'signUp.step.review': 'Überprüfen',
  'signUp.next': 'Weiter',
  'signUp.back': 'Zurück',
  'account.name': 'Name',
  'account.email': 'E-Mail',
  'account.password': 'Passwort',
  'account.passwordHint': 'Mindestens {min} Zeichen.',
  'editor.title': 'Ihr Hintergrund',
  'editor.save': 'Änderungen speichern',
  'field.languages.label': 'Programmiersprachen',
  'field.languages.language': 'Sprache {n}',
  'field.languages.level': 'Niveau für Sprache {n}',
  'field.languages.add': 'Sprache hinzufügen',
  'field.languages.remove': 'Sprache {n} entfernen',
  'field.frameworks.label': 'Frameworks und Bibliotheken',
  'field.experienceYears.label': 'Jahre Programmiererfahrung',
  'field.softwareExperience.label': 'Software-Erfahrung insgesamt',
  'field.devices.label': 'Geräte, mit denen Sie gearbeitet haben',
  'field.architectureFamiliarity.label': 'Prozessorarchitekturen, die Sie kennen',
  'field.hardwareExperience.label': 'Hardware-Erfahrung insgesamt',
  'field.backgroundPreference.label': 'Welche Inhalte bevorzugen Sie?',
  'field.other': 'Weitere {field} (durch Kommas getrennt)',
  'field.optional': ' (optional)',
  'field.choose': 'Bitte wählen…',
  'level.none': 'Keine',
  'level.beginner': 'Anfänger',
  'level.intermediate': 'Fortgeschritten',
  'level.advanced': 'Erfahren',
  'level.expert': 'Experte',
  'preference.software': 'Software',
  'preference.hardware': 'Hardware',
  'preference.both': 'Beides',
  'issue.required': 'Pflichtfeld.',
  'issue.requiredList': 'Bitte mindestens eins angeben.',
  'error.INVALID_EMAIL_OR_PASSWORD': 'E-Mail oder Passwort stimmt nicht.',
};
