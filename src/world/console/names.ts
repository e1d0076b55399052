/**
 * `dir()` of the objects a view sees, measured with Django 3.2.25 on CPython 3.11.2 (a POST to the
 * console view, with SessionMiddleware only), for the "Did you mean" hints of AttributeError.
 */
import { words } from '../../python/parser/names';

/** `dir(request)` for a WSGIRequest after SessionMiddleware and a read of `request.body`. */
export const REQUEST_DIR = words(`
COOKIES FILES GET META POST __class__ __delattr__ __dict__ __dir__ __doc__ __eq__ __format__
__ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__ __le__
__lt__ __module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__
__str__ __subclasshook__ __weakref__ _body _current_scheme_host _encoding _get_full_path
_get_post _get_raw_host _get_scheme _initialize_handlers _load_post_and_files
_mark_post_parse_error _read_started _set_content_type_params _set_post _stream _upload_handlers
accepted_types accepts body build_absolute_uri close content_params content_type encoding
environ get_full_path get_full_path_info get_host get_port get_raw_uri get_signed_cookie headers
is_ajax is_secure method parse_file_upload path path_info read readline readlines resolver_match
scheme session upload_handlers
`);

/** `dir(request.session)` of a fresh SessionStore, by engine module. */
export const SESSION_DIRS: Record<string, readonly string[]> = {
  'django.contrib.sessions.backends.db': words(`
TEST_COOKIE_NAME TEST_COOKIE_VALUE _SessionBase__not_given _SessionBase__session_key __class__
__contains__ __delattr__ __delitem__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__
__lt__ __module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __setitem__
__sizeof__ __str__ __subclasshook__ __weakref__ _get_new_session_key _get_or_create_session_key
_get_session _get_session_from_db _get_session_key _hash _legacy_decode _legacy_encode _session
_session_key _set_session_key _validate_session_key accessed clear clear_expired create
create_model_instance cycle_key decode delete delete_test_cookie encode exists flush get
get_expire_at_browser_close get_expiry_age get_expiry_date get_model_class
get_session_cookie_age has_key is_empty items key_salt keys load model modified pop save
serializer session_key set_expiry set_test_cookie setdefault test_cookie_worked update values
`),
  'django.contrib.sessions.backends.cache': words(`
TEST_COOKIE_NAME TEST_COOKIE_VALUE _SessionBase__not_given _SessionBase__session_key __class__
__contains__ __delattr__ __delitem__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__
__lt__ __module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __setitem__
__sizeof__ __str__ __subclasshook__ __weakref__ _cache _get_new_session_key
_get_or_create_session_key _get_session _get_session_key _hash _legacy_decode _legacy_encode
_session _session_key _set_session_key _validate_session_key accessed cache_key cache_key_prefix
clear clear_expired create cycle_key decode delete delete_test_cookie encode exists flush get
get_expire_at_browser_close get_expiry_age get_expiry_date get_session_cookie_age has_key
is_empty items key_salt keys load modified pop save serializer session_key set_expiry
set_test_cookie setdefault test_cookie_worked update values
`),
  'django.contrib.sessions.backends.cached_db': words(`
TEST_COOKIE_NAME TEST_COOKIE_VALUE _SessionBase__not_given _SessionBase__session_key __class__
__contains__ __delattr__ __delitem__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__
__lt__ __module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __setitem__
__sizeof__ __str__ __subclasshook__ __weakref__ _cache _get_new_session_key
_get_or_create_session_key _get_session _get_session_from_db _get_session_key _hash
_legacy_decode _legacy_encode _session _session_key _set_session_key _validate_session_key
accessed cache_key cache_key_prefix clear clear_expired create create_model_instance cycle_key
decode delete delete_test_cookie encode exists flush get get_expire_at_browser_close
get_expiry_age get_expiry_date get_model_class get_session_cookie_age has_key is_empty items
key_salt keys load model modified pop save serializer session_key set_expiry set_test_cookie
setdefault test_cookie_worked update values
`),
  'django.contrib.sessions.backends.file': words(`
TEST_COOKIE_NAME TEST_COOKIE_VALUE _SessionBase__not_given _SessionBase__session_key __class__
__contains__ __delattr__ __delitem__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__
__lt__ __module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __setitem__
__sizeof__ __str__ __subclasshook__ __weakref__ _expiry_date _get_new_session_key
_get_or_create_session_key _get_session _get_session_key _get_storage_path _hash _key_to_file
_last_modification _legacy_decode _legacy_encode _session _session_key _set_session_key
_storage_path _validate_session_key accessed clean clear clear_expired create cycle_key decode
delete delete_test_cookie encode exists file_prefix flush get get_expire_at_browser_close
get_expiry_age get_expiry_date get_session_cookie_age has_key is_empty items key_salt keys load
modified pop save serializer session_key set_expiry set_test_cookie setdefault storage_path
test_cookie_worked update values
`),
  'django.contrib.sessions.backends.signed_cookies': words(`
TEST_COOKIE_NAME TEST_COOKIE_VALUE _SessionBase__not_given _SessionBase__session_key __class__
__contains__ __delattr__ __delitem__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__
__lt__ __module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __setitem__
__sizeof__ __str__ __subclasshook__ __weakref__ _get_new_session_key _get_or_create_session_key
_get_session _get_session_key _hash _legacy_decode _legacy_encode _session _session_key
_set_session_key _validate_session_key accessed clear clear_expired create cycle_key decode
delete delete_test_cookie encode exists flush get get_expire_at_browser_close get_expiry_age
get_expiry_date get_session_cookie_age has_key is_empty items key_salt keys load modified pop
save serializer session_key set_expiry set_test_cookie setdefault test_cookie_worked update
values
`),
};
