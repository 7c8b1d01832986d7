import { Component, inject } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AblePipe } from '../ability/able.pipe';
import { LocalNumberPipe } from '../i18n/local-date.pipe';
import { TaskCountStore } from '../realtime/task-count-store';
import { SessionStore } from '../session/session-store';
import { provideMaterialDefaults } from './form-defaults';
import { LanguageMenu } from './language-menu';

/** Frame of the signed-in pages: toolbar with navigation, task badge, language and user menu. */
@Component({
  selector: 'app-shell',
  imports: [
    MatBadgeModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
    AblePipe,
    LocalNumberPipe,
    LanguageMenu,
  ],
  providers: [provideMaterialDefaults()],
  host: { class: 'app-shell' },
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly session = inject(SessionStore);
  protected readonly taskCount = inject(TaskCountStore);

  protected signOut(): void {
    this.session.signOut().subscribe();
  }
}
