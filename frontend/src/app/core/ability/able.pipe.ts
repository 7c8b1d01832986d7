import { inject, Pipe, type PipeTransform } from '@angular/core';
import { subject as tagSubject } from '@casl/ability';
import { AbilityStore } from './ability-store';
import type { AppAction, AppSubjectType } from './app-ability';

/**
 * Tells whether the user may do an action, for templates:
 * `@if ('create' | able: 'Stage')` checks a subject type, and
 * `@if ('claim' | able: task : 'Task')` checks one object against the rules' conditions.
 *
 * The pipe is impure because it reads the ability signal, which changes on sign-in.
 */
@Pipe({ name: 'able', pure: false })
export class AblePipe implements PipeTransform {
  private readonly abilities = inject(AbilityStore);

  /** Checks `action` on a subject type, or on `subject` as an instance of `type`. */
  transform(
    action: AppAction,
    subject: AppSubjectType | object,
    type?: Exclude<AppSubjectType, 'all'>,
  ): boolean {
    if (typeof subject === 'string') return this.abilities.can(action, subject);
    if (!type)
      throw new Error(
        `The able pipe needs a subject type with an object, as in 'read' | able: item : 'Stage'.`,
      );
    // Copy first, because subject() tags the object it is given.
    return this.abilities.can(action, tagSubject(type, { ...subject }));
  }
}
