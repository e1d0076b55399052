/** mysite/urls.py: the tutorial's app plus the playground's console endpoint. */
import { path, type URLConf } from '../../django/urls/resolvers';
import { urlpatterns as myapp } from '../myapp/urls';
import { call, run_line } from '../console/views';

export const urlconf: URLConf = {
  name: 'mysite.urls',
  urlpatterns: [...myapp, path('__session__/call', call), path('__session__/console', run_line)],
};
