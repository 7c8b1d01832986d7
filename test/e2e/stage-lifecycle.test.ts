import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail } from '../../db/seeds/demo/logins';
import type { Role } from '../../backend/src/platform/permissions/roles';
import { findSeriousViolations } from './support/accessibility';
import { ApiClient } from './support/api-client';
import { horizontalOverflow, saveScreenshot } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { StageflowPages } from './support/pages';
import { type E2eServer, startServer } from './support/server';
import { translation } from './support/translations';

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

// Long enough for npm start to build the backend and seed the demo; see startServer().
const START_TIMEOUT_MS = 20 * 60 * 1000;

beforeAll(async () => {
  server = await startServer(demoEmail('student'), DEMO_PASSWORD);
  browser = await launchChromium();
}, START_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await server?.stop();
});

describe('stage lifecycle in the browser', () => {
  let stageId = '';

  it('lets a student request a stage and see it waiting', async () => {
    const hospitalName = await coordinatorHospitalName();
    const student = await signedIn('student');

    await student.openRequestForm();
    await student.fillRequest({
      hospitalName,
      start: dayFromToday(40),
      end: dayFromToday(80),
      motivation: 'I would like to learn acute care in this unit.',
    });
    await saveScreenshot(student.page, 'request-form');
    stageId = await student.submitRequest();

    await student.page.locator('[data-testid="request-sent"]').waitFor();
    await saveScreenshot(student.page, 'stage-requested');

    expect(stageId).toMatch(/^\d+$/);
    expect(await student.stagePhase(stageId)).toMatch(/^(request|acceptance)$/);
  });

  it('lets the hospital coordinator claim and accept the request', async () => {
    const coordinator = await signedIn('hospital_coordinator');

    const lastName = await studentLastName(stageId);
    const row = coordinator.taskRow('review_request', stageId);

    await coordinator.openInbox('claimable', lastName);
    await coordinator.claim(row);
    await coordinator.openInbox('mine', lastName);
    await saveScreenshot(coordinator.page, 'inbox-claimed');
    await coordinator.complete(row, { decision: 'accept' });
    await row.waitFor({ state: 'detached' });

    expect(await row.count()).toBe(0);
  });

  it.each([
    ['badge_manager', 'prepare_badge'],
    ['hygienist', 'check_hygiene'],
  ] as const)('shows the %s the preparation task %s', async (role, activityId) => {
    const user = await signedIn(role);

    await user.openInbox('claimable', await studentLastName(stageId));

    expect(await user.taskRow(activityId, stageId).count()).toBe(1);
    await saveScreenshot(user.page, `inbox-${role}`);
  });

  it('shows the student the new phase', async () => {
    const student = await signedIn('student');

    expect(await student.stagePhase(stageId)).toBe('preparation');
    await saveScreenshot(student.page, 'stage-preparation');
  });
});

describe('task inbox', () => {
  it.each(['fr', 'nl', 'en'] as const)(
    'speaks %s after a switch in the toolbar',
    async (language) => {
      const coordinator = await signedIn('hospital_coordinator');
      await coordinator.openInbox('mine');

      await coordinator.switchLanguage(language);

      expect((await coordinator.page.locator('h1').textContent())?.trim()).toBe(
        translation(language, 'inbox.title'),
      );
      expect(await coordinator.page.locator('[data-testid="tab-mine"]').textContent()).toContain(
        translation(language, 'inbox.scope.mine'),
      );
      await saveScreenshot(coordinator.page, `inbox-${language}`);
    },
  );
});

describe('layout at 375 px', () => {
  it.each(['/home', '/tasks?scope=claimable'])(
    'fits %s without sideways scrolling',
    async (url) => {
      const coordinator = await signedIn('hospital_coordinator', PHONE);

      await coordinator.page.goto(`${server.baseUrl}${url}`);
      await coordinator.page.locator('h1').waitFor();

      expect(await horizontalOverflow(coordinator.page)).toBe(0);
      await saveScreenshot(coordinator.page, `phone${url.replace(/\W+/g, '-')}`);
    },
  );

  it('fits the request form without sideways scrolling', async () => {
    const student = await signedIn('student', PHONE);

    await student.openRequestForm();

    expect(await horizontalOverflow(student.page)).toBe(0);
    await saveScreenshot(student.page, 'phone-request-form');
  });
});

describe('accessibility', () => {
  it('finds no serious or critical axe violation on the sign-in page', async () => {
    const page = await newPage(DESKTOP);

    await page.goto(`${server.baseUrl}/sign-in`);
    await page.locator('input[type="email"]').waitFor();

    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it.each(['/home', '/tasks?scope=claimable'])(
    'finds no serious or critical axe violation on %s',
    async (url) => {
      const coordinator = await signedIn('hospital_coordinator');

      await coordinator.page.goto(`${server.baseUrl}${url}`);
      await coordinator.page.locator('h1').waitFor();

      expect(await findSeriousViolations(coordinator.page)).toEqual([]);
    },
  );

  it('finds no serious or critical axe violation on the request form', async () => {
    const student = await signedIn('student');

    await student.openRequestForm();

    expect(await findSeriousViolations(student.page)).toEqual([]);
  });
});

async function newPage(viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  return context.newPage();
}

async function signedIn(role: Role, viewport = DESKTOP): Promise<StageflowPages> {
  const pages = new StageflowPages(await newPage(viewport), server.baseUrl);
  await pages.signIn(demoEmail(role), DEMO_PASSWORD);
  return pages;
}

// The student must request a stage at the hospital whose coordinator the scenario signs in as.
async function coordinatorHospitalName(): Promise<string> {
  const api = new ApiClient(server.baseUrl);
  await api.signIn(demoEmail('hospital_coordinator'), DEMO_PASSWORD);
  const me = await api.get<{ user: { institutionId: number } }>('/api/me');
  const hospitals = await api.get<{ items: { id: number; name: string }[] }>(
    '/api/institutions?kind=hospital',
  );
  const hospital = hospitals.items.find((item) => item.id === me.user.institutionId);
  if (!hospital)
    throw new Error(
      `The demo hospital coordinator's hospital ${me.user.institutionId} is not listed.`,
    );
  return hospital.name;
}

async function studentLastName(id: string): Promise<string> {
  const api = new ApiClient(server.baseUrl);
  await api.signIn(demoEmail('hospital_coordinator'), DEMO_PASSWORD);
  const stage = await api.get<{ student: { lastName: string } }>(`/api/stages/${id}`);
  return stage.student.lastName;
}

// Dates as typed in the form: day first, which every interface language reads.
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const day = String(date.getDate()).padStart(2, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  return `${day}/${month}/${date.getFullYear()}`;
}
