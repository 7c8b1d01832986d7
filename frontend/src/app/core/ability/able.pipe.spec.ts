import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { RawRuleOf } from '@casl/ability';
import type { Task } from '../api/api-models';
import { aTask } from '../../shared/testing/fixtures';
import { AblePipe } from './able.pipe';
import { AbilityStore } from './ability-store';
import type { AppAbility } from './app-ability';

describe('AblePipe', () => {
  it('shows what the rules allow on a subject type', async () => {
    const { fixture } = await setup([{ action: 'create', subject: 'Stage' }]);

    expect(text(fixture, '.create-stage')).toBe('yes');
    expect(text(fixture, '.read-task')).toBe('no');
  });

  it('treats manage as every action', async () => {
    const { fixture } = await setup([{ action: 'manage', subject: 'Task' }]);

    expect(text(fixture, '.read-task')).toBe('yes');
  });

  it('checks an object against the conditions of the rules', async () => {
    const rules: RawRuleOf<AppAbility>[] = [
      { action: 'claim', subject: 'Task', conditions: { candidateRole: 'hygienist' } },
    ];
    const { fixture, host } = await setup(rules);

    expect(text(fixture, '.claim-task')).toBe('no');

    host.task.set(aTask({ candidateRole: 'hygienist' }));
    await fixture.whenStable();

    expect(text(fixture, '.claim-task')).toBe('yes');
  });

  it('follows new rules without a reload', async () => {
    const { fixture } = await setup([]);

    TestBed.inject(AbilityStore).update([{ action: 'read', subject: 'Task' }]);
    await fixture.whenStable();

    expect(text(fixture, '.read-task')).toBe('yes');
  });
});

@Component({
  imports: [AblePipe],
  template: `
    <span class="create-stage">{{ ('create' | able: 'Stage') ? 'yes' : 'no' }}</span>
    <span class="read-task">{{ ('read' | able: 'Task') ? 'yes' : 'no' }}</span>
    <span class="claim-task">{{ ('claim' | able: task() : 'Task') ? 'yes' : 'no' }}</span>
  `,
})
class AbleHost {
  readonly task = signal<Task>(aTask({ candidateRole: 'badge_manager' }));
}

async function setup(rules: RawRuleOf<AppAbility>[]) {
  TestBed.inject(AbilityStore).update(rules);
  const fixture = TestBed.createComponent(AbleHost);
  await fixture.whenStable();
  return { fixture, host: fixture.componentInstance };
}

function text(fixture: { nativeElement: HTMLElement }, selector: string): string {
  return fixture.nativeElement.querySelector(selector)?.textContent?.trim() ?? '';
}
