/** django/contrib/sessions/serializers.py: JSON, the only serializer left in Django 5. */
import { PyException } from '../../../python';
import { JSONSerializer, type Serializer } from '../../core/signing';

export { JSONSerializer };

export function getSerializer(path: string): Serializer {
  if (
    path === 'django.contrib.sessions.serializers.JSONSerializer' ||
    path === 'django.core.signing.JSONSerializer'
  ) {
    return JSONSerializer;
  }
  // PickleSerializer was removed in Django 5.0; nothing else ships with Django.
  throw new (class extends PyException {
    override get pyName() {
      return 'ImportError';
    }
  })(
    `Module "${path.replace(/\.[^.]*$/, '')}" does not define a "${path.replace(/.*\./, '')}" attribute/class`,
  );
}
