/**
 * myapp/views.py: the tutorial's three views, as the reference app has them (the tutorial's
 * syntax fixed, `has_key` written as `in`, which means the same on every Django version).
 */
import { PyKeyError, type PyValue } from '../../python';
import type { HttpRequest } from '../../django/http/request';
import { HttpResponse } from '../../django/http/response';
import { render } from '../../django/shortcuts';
import { noteView } from '../observe/views';
import { LoginForm } from './forms';
import { allMessages, createMessage } from './models';

export function login(request: HttpRequest): HttpResponse {
  let username: PyValue = 'not logged in';
  if (request.method === 'POST') {
    const MyLoginForm = LoginForm(request.POST);
    const valid = MyLoginForm.is_valid();
    noteView(request, { view: 'login', form: { valid, errors: MyLoginForm.errors } });
    if (valid) {
      username = MyLoginForm.cleaned_data.username as string;
      request.session.setitem('username', username);
    }
  } else {
    noteView(request, { view: 'login' });
  }
  return render(request, 'loggedin.html', { username });
}

export function formView(request: HttpRequest): HttpResponse {
  noteView(request, { view: 'formView' });
  if (request.session.contains('username')) {
    const username = request.session.getitem('username');
    return render(request, 'loggedin.html', { username });
  }
  return render(request, 'login.html', {});
}

export function logout(request: HttpRequest): HttpResponse {
  noteView(request, { view: 'logout' });
  try {
    request.session.delitem('username');
  } catch (e) {
    if (!(e instanceof PyKeyError)) throw e;
  }
  return new HttpResponse('<strong>You are logged out.</strong>');
}

/**
 * Not the tutorial's: the guestbook that lab 15 (HttpOnly and XSS) adds to the site.
 *
 *     def guestbook(request):
 *         if request.method == 'POST' and request.POST.get('message'):
 *             Message.objects.create(text=request.POST['message'])
 *         messages = [m.text for m in Message.objects.order_by('id')]
 *         return render(request, 'guestbook.html', {'entries': messages})
 *
 * It never touches request.session: the visitor's cookie is sent with the request anyway, and
 * what the page's (planted) script can read of it is the lab's subject.
 */
export function guestbook(request: HttpRequest): HttpResponse {
  noteView(request, { view: 'guestbook' });
  const text = request.method === 'POST' ? request.POST.get('message') : undefined;
  if (text) createMessage(request.runtime, text);
  return render(request, 'guestbook.html', {
    entries: allMessages(request.runtime).map((m) => m.text),
  });
}
