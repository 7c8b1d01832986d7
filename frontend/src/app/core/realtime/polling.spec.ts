import { Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { pollWhileVisible } from './polling';

describe('pollWhileVisible()', () => {
  it('loads at once and then every interval while visible', () => {
    scheduler().run(({ hot, cold, expectObservable }) => {
      const visible$ = hot('v', { v: true });
      const query$ = hot('q', { q: 'inbox' });

      const result$ = pollWhileVisible(query$, (query) => cold('(r|)', { r: query }), {
        visible$,
        intervalMs: 10,
      });

      expectObservable(result$, '^ 35ms !').toBe('r 9ms r 9ms r 9ms r', { r: 'inbox' });
    });
  });

  it('pauses while the page is hidden and reloads at once when it shows again', () => {
    scheduler().run(({ hot, cold, expectObservable }) => {
      const visible$ = hot('v 4ms h 19ms v', { v: true, h: false });
      const query$ = hot('q', { q: 'inbox' });

      const result$ = pollWhileVisible(query$, (query) => cold('(r|)', { r: query }), {
        visible$,
        intervalMs: 10,
      });

      // Loads at 0, nothing while hidden from 5 to 25, then at 25 and 35.
      expectObservable(result$, '^ 40ms !').toBe('r 24ms r 9ms r', { r: 'inbox' });
    });
  });

  it('cancels a load in flight when the page hides', () => {
    scheduler().run(({ hot, cold, expectObservable }) => {
      const visible$ = hot('v 2ms h', { v: true, h: false });
      const query$ = hot('q', { q: 'inbox' });

      const result$ = pollWhileVisible(query$, () => cold('5ms (r|)', { r: 'late' }), {
        visible$,
        intervalMs: 10,
      });

      expectObservable(result$, '^ 30ms !').toBe('');
    });
  });

  it('restarts with an immediate load when the query changes', () => {
    scheduler().run(({ hot, cold, expectObservable }) => {
      const visible$ = hot('v', { v: true });
      const query$ = hot('a 4ms b', { a: 'page 1', b: 'page 2' });

      const result$ = pollWhileVisible(query$, (query) => cold('(r|)', { r: query }), {
        visible$,
        intervalMs: 10,
      });

      expectObservable(result$, '^ 20ms !').toBe('a 4ms b 9ms b', { a: 'page 1', b: 'page 2' });
    });
  });

  it('never loads while the page starts hidden', () => {
    const visible$ = new Subject<boolean>();
    const loads: string[] = [];

    const subscription = pollWhileVisible(
      new Subject<string>(),
      (query) => {
        loads.push(query);
        return new Subject<string>();
      },
      { visible$, intervalMs: 10 },
    ).subscribe();
    visible$.next(false);

    expect(loads).toEqual([]);
    subscription.unsubscribe();
  });
});

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}
