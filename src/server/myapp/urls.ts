/** myapp/urls.py, in modern Django's `path()` form. */
import { path } from '../../django/urls/resolvers';
import * as views from './views';

export const urlpatterns = [
  path('myapp/connection/', views.formView, 'loginform'),
  path('myapp/login/', views.login, 'login'),
  path('myapp/logout/', views.logout, 'logout'),
  // Lab 15's addition, not the tutorial's.
  path('myapp/guestbook/', views.guestbook, 'guestbook'),
];
