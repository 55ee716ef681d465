// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { defineQuestionnaire } from '../../src/client/index';
import { sampleProfile } from '../../src/msw/index';
import { ProfileEditor } from '../../src/react/index';
import {
  BASE_URL,
  backend,
  expectNoAxeViolations,
  renderWithKit,
  requests,
  server,
  usePersona,
} from './helpers';

/** The bodies and If-Match headers of the profile writes the editor sent. */
function recordWrites() {
  const writes: { method: string; ifMatch: string | null; body: unknown }[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.url.endsWith('/api/profile') && request.method !== 'GET') {
      writes.push({
        method: request.method,
        ifMatch: request.headers.get('if-match'),
        body: await request.clone().json(),
      });
    }
  });
  return writes;
}

describe('given a person with a profile', () => {
  it('loads it into the form', async () => {
    usePersona('signedInWithProfile');
    backend.setLatency(100);
    await renderWithKit(<ProfileEditor />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(await screen.findByLabelText('Language 1')).toHaveValue('Python');
    expect(screen.getByLabelText('Level for language 1')).toHaveValue('advanced');
    expect(screen.getByLabelText('Language 2')).toHaveValue('C');
    expect(screen.getByRole('checkbox', { name: 'React' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Django' })).toBeChecked();
    // Answers outside the option lists land in "other".
    expect(screen.getByRole('button', { name: 'Remove Raspberry Pi 4' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Arduino Uno' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '3-5' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'ARM' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Both' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    await expectNoAxeViolations();
  });

  it('tracks changes, saves only what changed with If-Match, and is clean afterwards', async () => {
    usePersona('signedInWithProfile');
    const writes = recordWrites();
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    await renderWithKit(<ProfileEditor onSuccess={onSuccess} />);
    await user.click(await screen.findByRole('checkbox', { name: 'Vue' }));
    expect(screen.getByText('You have unsaved changes.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'expert');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Your changes are saved.'));
    // Visible beside the button, not only announced (#14); it goes once something changes again.
    const status = screen.getByRole('status');
    expect(status).toBeVisible();
    expect(status.getAttribute('style')).toBeNull();
    expect(status.parentElement).toContainElement(screen.getByRole('button', { name: 'Save changes' }));
    expect(writes).toEqual([
      {
        method: 'PATCH',
        ifMatch: '"v1"',
        body: { frameworks: ['React', 'Vue', 'Django'], hardwareExperience: 'expert' },
      },
    ]);
    expect(backend.profile?.hardwareExperience).toBe('expert');
    expect(backend.profile?.devices).toEqual(['Raspberry Pi 4', 'Arduino Uno']);
    expect(screen.queryByText('You have unsaved changes.')).not.toBeInTheDocument();
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ hardwareExperience: 'expert' }));

    // The next save is conditional on the version the first one produced.
    await user.click(screen.getByRole('checkbox', { name: 'Vue' }));
    expect(screen.getByRole('status')).toHaveTextContent('');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toMatchObject({ ifMatch: '"v2"', body: { frameworks: ['React', 'Django'] } });
  });

  it('undoes changes back to the stored profile', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<ProfileEditor />);
    const language = await screen.findByLabelText('Language 1');
    await user.clear(language);
    await user.type(language, 'Fortran');
    await user.click(screen.getByRole('button', { name: 'Undo changes' }));
    expect(screen.getByLabelText('Language 1')).toHaveValue('Python');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('refuses an invalid answer without a request and focuses it', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(
      <ProfileEditor questionnaire={{ fields: { experienceYears: { allowOther: true } } }} />,
    );
    const years = await screen.findByLabelText('Years of programming experience');
    await user.clear(years);
    await user.type(years, 'forever');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(years).toHaveFocus());
    expect(years).toHaveAccessibleDescription('Use a number of years or a range like 3-5.');
    expect(screen.getByRole('status')).toHaveTextContent('1 answer needs attention.');
    expect(requests.filter((r) => r.startsWith('PATCH'))).toEqual([]);
    await expectNoAxeViolations();
  });

  it('keeps the changes and says so when the save fails', async () => {
    usePersona('signedInWithProfile');
    server.use(http.patch(`${BASE_URL}/api/profile`, () => HttpResponse.error()));
    const user = userEvent.setup();
    const onError = vi.fn();
    await renderWithKit(<ProfileEditor onError={onError} />);
    await user.click(await screen.findByRole('checkbox', { name: 'Flask' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    expect(screen.getByRole('checkbox', { name: 'Flask' })).toBeChecked();
    expect(screen.getByText('You have unsaved changes.')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith('NETWORK_ERROR');
    expect(backend.profile?.frameworks).toEqual(['Django', 'React']);
  });

  it('asks before the page is left with unsaved changes, and not otherwise', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<ProfileEditor />);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    await screen.findByLabelText('Language 1');
    expect(leave()).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: 'Vue' }));
    expect(leave()).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Vue' }));
    expect(leave()).toBe(false);
  });
});

describe('given someone else saved since the editor loaded', () => {
  it('says so, keeps the typing, and can reload the latest while keeping the changes', async () => {
    usePersona('versionConflict');
    const user = userEvent.setup();
    await renderWithKit(<ProfileEditor />);
    await user.click(await screen.findByRole('checkbox', { name: 'Vue' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your profile was changed somewhere else since you opened it.');
    expect(screen.getByRole('checkbox', { name: 'Vue' })).toBeChecked();
    expect(backend.profile?.frameworks).toEqual(['Django', 'React']);
    await expectNoAxeViolations();

    // The other save changed the years of experience; the reload brings that in and keeps Vue.
    backend.reset('signedInWithProfile');
    backend.profile && Object.assign(backend.profile, { experienceYears: '10+' });
    await user.click(screen.getByRole('button', { name: 'Load the latest and keep my changes' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: '10+' })).toBeChecked());
    expect(screen.getByRole('checkbox', { name: 'Vue' })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('The latest version is loaded.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(backend.profile?.frameworks).toEqual(['React', 'Vue', 'Django']));
    expect(backend.profile?.experienceYears).toBe('10+');
  });

  it('can reload the latest and discard the changes', async () => {
    usePersona('versionConflict');
    const user = userEvent.setup();
    await renderWithKit(<ProfileEditor />);
    await user.click(await screen.findByRole('checkbox', { name: 'Vue' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Load the latest and discard my changes' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: '10+' })).toBeChecked());
    expect(screen.getByRole('checkbox', { name: 'Vue' })).not.toBeChecked();
    expect(screen.queryByText('You have unsaved changes.')).not.toBeInTheDocument();
  });
});

describe('given a person without a profile', () => {
  it('starts empty and creates the profile on save', async () => {
    usePersona('signedInWithoutProfile');
    const writes = recordWrites();
    const user = userEvent.setup();
    await renderWithKit(<ProfileEditor />);
    await user.type(await screen.findByLabelText('Language 1'), 'Zig');
    await user.selectOptions(screen.getByLabelText('Level for language 1'), 'beginner');
    await user.click(screen.getByRole('radio', { name: '0-1' }));
    await user.selectOptions(screen.getByLabelText('Overall software experience'), 'beginner');
    await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'none');
    await user.click(screen.getByRole('radio', { name: 'Software' }));
    await user.click(screen.getByRole('button', { name: 'Save background' }));
    await waitFor(() => expect(backend.profile?.languages).toEqual([{ language: 'Zig', level: 'beginner' }]));
    expect(writes[0]).toMatchObject({ method: 'PUT', ifMatch: null });
  });
});

describe('given a profile that cannot be loaded', () => {
  it('says so and offers to try again', async () => {
    usePersona('serverError');
    const user = userEvent.setup();
    await renderWithKit(<ProfileEditor />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your profile could not be loaded. Something went wrong on our side.',
    );
    // One read, not one per component that mounts to show the failure.
    expect(requests.filter((r) => r === 'GET /api/profile')).toEqual(['GET /api/profile']);
    backend.reset('signedInWithProfile');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Language 1')).toHaveValue('Python');
    expect(requests.filter((r) => r === 'GET /api/profile')).toHaveLength(2);
  });
});

describe('given a signed-out visitor', () => {
  it('asks them to sign in and reads no profile', async () => {
    await renderWithKit(<ProfileEditor />);
    expect(await screen.findByText('Sign in to edit your background.')).toBeInTheDocument();
    expect(requests.filter((r) => r.includes('/api/profile'))).toEqual([]);
  });
});

describe('given a host section with its own h2', () => {
  it('puts the titles one level below with headingLevel, from the provider or the component', async () => {
    usePersona('signedInWithProfile');
    const { unmount } = await renderWithKit(<ProfileEditor />, { headingLevel: 3 });
    expect(await screen.findByRole('heading', { level: 3, name: 'Your background' })).toBeInTheDocument();
    unmount();
    await renderWithKit(<ProfileEditor headingLevel={4} />, { headingLevel: 3 });
    expect(await screen.findByRole('heading', { level: 4, name: 'Your background' })).toBeInTheDocument();
  });
});

describe('given a stored answer to a host question the definition no longer has', () => {
  it('saves the editor without sending or dropping it', async () => {
    backend.reset({
      signedIn: true,
      profile: { ...sampleProfile, answers: { removedQuestion: 'kept', gpu: 'rtx4090' } },
    });
    const writes = recordWrites();
    const user = userEvent.setup();
    // The host removed `removedQuestion` and hid `gpu`.
    const questionnaire = defineQuestionnaire({
      questions: [{ id: 'gpu', kind: 'single', label: 'GPU', options: ['rtx4090'], hidden: true }],
    });
    await renderWithKit(<ProfileEditor questionnaire={questionnaire} />);
    await user.click(await screen.findByRole('checkbox', { name: 'Vue' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Your changes are saved.'));
    expect(writes).toHaveLength(1);
    expect(writes[0]?.body).not.toHaveProperty('answers');
    expect(backend.profile?.answers).toEqual({ removedQuestion: 'kept', gpu: 'rtx4090' });
  });
});
