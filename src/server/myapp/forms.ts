/** myapp/forms.py of the tutorial. */
import { CharField, Form } from '../../django/forms/forms';
import type { QueryDict } from '../../django/http/request';

/**
 *     class LoginForm(forms.Form):
 *         username = forms.CharField(max_length=100)
 *         password = forms.CharField(widget=forms.PasswordInput())
 */
export function LoginForm(data: QueryDict | null = null): Form {
  return new Form(
    {
      username: new CharField({ max_length: 100 }),
      password: new CharField({ widget: 'PasswordInput' }),
    },
    data,
  );
}
