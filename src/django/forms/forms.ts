/**
 * django/forms, the part the tutorial's LoginForm uses: CharField with `required`, `max_length`
 * and `strip`, validated with Django's messages.
 */
import { pyLen, pyStrip } from '../../python';
import type { QueryDict } from '../http/request';

export interface CharFieldOptions {
  required?: boolean;
  max_length?: number | null;
  strip?: boolean;
  /** `widget=forms.PasswordInput()`: only changes the HTML, kept for the form's description. */
  widget?: 'TextInput' | 'PasswordInput';
}

export class CharField {
  readonly required: boolean;
  readonly max_length: number | null;
  readonly strip: boolean;
  readonly widget: 'TextInput' | 'PasswordInput';

  constructor(options: CharFieldOptions = {}) {
    this.required = options.required ?? true;
    this.max_length = options.max_length ?? null;
    this.strip = options.strip ?? true;
    this.widget = options.widget ?? 'TextInput';
  }

  /** `clean(value)`: the cleaned string, or the list of error messages. */
  clean(raw: string | undefined): { value: string } | { errors: string[] } {
    let value = raw ?? '';
    if (this.strip) value = pyStrip(value);
    if (value === '') return this.required ? { errors: ['This field is required.'] } : { value };
    const errors: string[] = [];
    const length = pyLen(value);
    if (this.max_length !== null && length > this.max_length) {
      errors.push(
        `Ensure this value has at most ${this.max_length} characters (it has ${length}).`,
      );
    }
    if (value.includes('\x00')) errors.push('Null characters are not allowed.');
    return errors.length ? { errors } : { value };
  }
}

/** A bound form: `LoginForm(request.POST)`, then `is_valid()`, `cleaned_data` and `errors`. */
export class Form {
  readonly cleaned_data: Record<string, string> = {};
  readonly errors: Record<string, string[]> = {};
  private validated = false;

  constructor(
    readonly fields: Record<string, CharField>,
    readonly data: QueryDict | null = null,
  ) {}

  get is_bound(): boolean {
    return this.data !== null;
  }

  is_valid(): boolean {
    if (!this.is_bound) return false;
    if (!this.validated) {
      for (const [name, field] of Object.entries(this.fields)) {
        const result = field.clean(this.data?.get(name));
        if ('value' in result) this.cleaned_data[name] = result.value;
        else this.errors[name] = result.errors;
      }
      this.validated = true;
    }
    return Object.keys(this.errors).length === 0;
  }
}
