import type { FormEvent } from 'react';

/**
 * Submits a form's fields without React's form action, which clears the fields when it ends:
 * after a refused sign-in or a taken address the user corrects one field, not all of them.
 */
export function submitForm(
  event: FormEvent<HTMLFormElement>,
  submit: (form: FormData) => Promise<void>,
): void {
  event.preventDefault();
  void submit(new FormData(event.currentTarget));
}
