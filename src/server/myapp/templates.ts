/**
 * myapp/templates/: login.html and loggedin.html byte for byte as the reference app has them;
 * guestbook.html is lab 15's addition (HttpOnly and XSS), not the tutorial's.
 */
export const templates: Record<string, string> = {
  'loggedin.html': `<html>
<body>
You are : <strong>{{ username }}</strong>
</body>
</html>
`,
  'login.html': `<html>
<body>
<form name="form" action="/myapp/login/" method="POST">
<input type="text" name="username" placeholder="Username" />
<input type="password" name="password" placeholder="Password" />
<button type="submit">Login</button>
</form>
</body>
</html>
`,
  // THE BUG, ON PURPOSE: `|safe` tells Django not to escape the message, so a visitor's text is
  // sent as HTML and a <script> in it becomes part of the page for everyone who reads it. Without
  // `|safe` Django would escape it, as it escapes {{ username }} in loggedin.html. Lab 15 is about
  // what such a script can take: document.cookie, unless the session cookie is HttpOnly.
  'guestbook.html': `<html>
<body>
<h1>Guestbook</h1>
<ul>
{% for entry in entries %}<li>{{ entry|safe }}</li>
{% empty %}<li>No messages yet.</li>
{% endfor %}</ul>
<form name="guestbook" action="/myapp/guestbook/" method="POST">
<input type="text" name="message" placeholder="Message" />
<button type="submit">Sign the guestbook</button>
</form>
</body>
</html>
`,
};
