/** myapp/templates/, byte for byte as the reference app has them. */
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
};
