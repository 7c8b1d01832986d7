import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/** Root component; the shell and the sign-in page render inside its outlet. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class App {}
