import { Injectable, signal } from '@angular/core';
import type { RawRuleOf } from '@casl/ability';
import { type AppAbility, type AppAction, type AppSubject, createAppAbility } from './app-ability';

/**
 * Holds the ability of the signed-in user. The client only uses it to hide what the user may
 * not do; the server checks every request again.
 */
@Injectable({ providedIn: 'root' })
export class AbilityStore {
  private readonly current = signal<AppAbility>(createAppAbility());

  /** The current ability; a new instance replaces it whenever the rules change. */
  readonly ability = this.current.asReadonly();

  /** Replaces the rules, for example after sign-in. */
  update(rules: RawRuleOf<AppAbility>[]): void {
    this.current.set(createAppAbility(rules));
  }

  /** Removes every rule, as after sign-out. */
  clear(): void {
    this.current.set(createAppAbility());
  }

  /** Whether the user may do `action` on `subject` (a type, or a tagged object). */
  can(action: AppAction, subject: AppSubject, field?: string): boolean {
    return this.current().can(action, subject, field);
  }
}
