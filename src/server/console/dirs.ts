/**
 * `dir()` of the objects a console line sees, measured with Django 3.2.25, 4.2.28 and 5.2.18 on
 * CPython 3.11.2 (the reference's console view, SessionMiddleware only): `request`, the
 * `django.utils.timezone` module, and `request.session` of each engine before its data is
 * loaded (loading adds `_session_cache`). Each session list is the names every engine has plus
 * the engine's own.
 */
import type { DjangoVersion } from '../../django/conf/global_settings';
import { words } from '../../python/parser/names';

interface VersionDirs {
  request: readonly string[];
  timezone: readonly string[];
  session: readonly string[];
  engines: Record<string, readonly string[]>;
}

/** The engines' own names, the same in 3.2 and 4.2 (5.x adds the async ones). */
const ENGINES_3_4: Record<string, readonly string[]> = {
  db: words(`_get_session_from_db create_model_instance get_model_class model`),
  cache: words(`_cache cache_key cache_key_prefix`),
  cached_db: words(
    `_cache _get_session_from_db cache_key cache_key_prefix create_model_instance get_model_class model`,
  ),
  file: words(
    `_expiry_date _get_storage_path _key_to_file _last_modification _storage_path clean file_prefix storage_path`,
  ),
  signed_cookies: words(``),
};

export const DIRS: Record<DjangoVersion, VersionDirs> = {
  '3.2': {
    request: words(`
COOKIES FILES GET META POST __class__ __delattr__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__ __le__ __lt__
__module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__
__subclasshook__ __weakref__ _body _current_scheme_host _dont_enforce_csrf_checks _encoding
_get_full_path _get_post _get_raw_host _get_scheme _initialize_handlers _load_post_and_files
_mark_post_parse_error _read_started _set_content_type_params _set_post _stream _upload_handlers
accepted_types accepts body build_absolute_uri close content_params content_type encoding environ
get_full_path get_full_path_info get_host get_port get_raw_uri get_signed_cookie headers is_ajax
is_secure method parse_file_upload path path_info read readline readlines resolver_match scheme
session upload_handlers
`),
    timezone: words(`
ContextDecorator Local _PYTZ_BASE_CLASSES __all__ __builtins__ __cached__ __doc__ __file__
__loader__ __name__ __package__ __spec__ _active _datetime_ambiguous_or_imaginary
_get_timezone_name _is_pytz_zone activate datetime deactivate functools get_current_timezone
get_current_timezone_name get_default_timezone get_default_timezone_name get_fixed_timezone
is_aware is_naive localdate localtime make_aware make_naive now override pytz settings
template_localtime timedelta timezone tzinfo utc
`),
    session: words(`
TEST_COOKIE_NAME TEST_COOKIE_VALUE _SessionBase__not_given _SessionBase__session_key __class__
__contains__ __delattr__ __delitem__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__
__module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __setitem__ __sizeof__
__str__ __subclasshook__ __weakref__ _get_new_session_key _get_or_create_session_key _get_session
_get_session_key _hash _legacy_decode _legacy_encode _session _session_key _set_session_key
_validate_session_key accessed clear clear_expired create cycle_key decode delete
delete_test_cookie encode exists flush get get_expire_at_browser_close get_expiry_age
get_expiry_date get_session_cookie_age has_key is_empty items key_salt keys load modified pop save
serializer session_key set_expiry set_test_cookie setdefault test_cookie_worked update values
`),
    engines: ENGINES_3_4,
  },
  '4.2': {
    request: words(`
COOKIES FILES GET META POST __class__ __delattr__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__ __le__ __lt__
__module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__
__subclasshook__ __weakref__ _body _current_scheme_host _dont_enforce_csrf_checks _encoding
_get_full_path _get_post _get_raw_host _get_scheme _initialize_handlers _load_post_and_files
_mark_post_parse_error _read_started _set_content_type_params _set_post _stream _upload_handlers
accepted_types accepts body build_absolute_uri close content_params content_type encoding environ
get_full_path get_full_path_info get_host get_port get_signed_cookie headers is_secure method
parse_file_upload path path_info read readline readlines resolver_match scheme session
upload_handlers
`),
    timezone: words(`
ContextDecorator Local NOT_PASSED RemovedInDjango50Warning _PYTZ_IMPORTED __all__ __builtins__
__cached__ __doc__ __file__ __getattr__ __loader__ __name__ __package__ __spec__ _active
_datetime_ambiguous_or_imaginary _get_timezone_name _is_pytz_zone _pytz_imported activate datetime
deactivate functools get_current_timezone get_current_timezone_name get_default_timezone
get_default_timezone_name get_fixed_timezone is_aware is_naive localdate localtime make_aware
make_naive now override settings sys template_localtime timedelta timezone tzinfo utc warnings
zoneinfo
`),
    session: words(`
TEST_COOKIE_NAME TEST_COOKIE_VALUE _SessionBase__not_given _SessionBase__session_key __class__
__contains__ __delattr__ __delitem__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__
__module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __setitem__ __sizeof__
__str__ __subclasshook__ __weakref__ _get_new_session_key _get_or_create_session_key _get_session
_get_session_key _session _session_key _set_session_key _validate_session_key accessed clear
clear_expired create cycle_key decode delete delete_test_cookie encode exists flush get
get_expire_at_browser_close get_expiry_age get_expiry_date get_session_cookie_age has_key is_empty
items key_salt keys load modified pop save serializer session_key set_expiry set_test_cookie
setdefault test_cookie_worked update values
`),
    engines: ENGINES_3_4,
  },
  '5.2': {
    request: words(`
COOKIES FILES GET META POST __class__ __delattr__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__ __le__ __lt__
__module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__
__subclasshook__ __weakref__ _body _check_data_too_big _current_scheme_host
_dont_enforce_csrf_checks _encoding _get_full_path _get_post _get_raw_host _get_scheme
_initialize_handlers _load_post_and_files _mark_post_parse_error _read_started
_set_content_type_params _set_post _stream _upload_handlers accepted_type accepted_types
accepted_types_by_precedence accepts body build_absolute_uri close content_params content_type
encoding environ get_full_path get_full_path_info get_host get_port get_preferred_type
get_signed_cookie headers is_secure method parse_file_upload path path_info read readline readlines
resolver_match scheme session upload_handlers
`),
    timezone: words(`
ContextDecorator Local __all__ __builtins__ __cached__ __doc__ __file__ __loader__ __name__
__package__ __spec__ _active _datetime_ambiguous_or_imaginary _get_timezone_name activate datetime
deactivate functools get_current_timezone get_current_timezone_name get_default_timezone
get_default_timezone_name get_fixed_timezone is_aware is_naive localdate localtime make_aware
make_naive now override settings template_localtime timedelta timezone tzinfo zoneinfo
`),
    session: words(`
TEST_COOKIE_NAME TEST_COOKIE_VALUE _SessionBase__not_given _SessionBase__session_key __class__
__contains__ __delattr__ __delitem__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__
__module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __setitem__ __sizeof__
__str__ __subclasshook__ __weakref__ _aget_new_session_key _aget_or_create_session_key
_aget_session _get_new_session_key _get_or_create_session_key _get_session _get_session_key
_session _session_key _set_session_key _validate_session_key accessed aclear_expired acreate
acycle_key adelete adelete_test_cookie aexists aflush aget aget_expire_at_browser_close
aget_expiry_age aget_expiry_date ahas_key aitems akeys aload apop asave aset aset_expiry
aset_test_cookie asetdefault atest_cookie_worked aupdate avalues clear clear_expired create
cycle_key decode delete delete_test_cookie encode exists flush get get_expire_at_browser_close
get_expiry_age get_expiry_date get_session_cookie_age has_key is_empty items key_salt keys load
modified pop save serializer session_key set_expiry set_test_cookie setdefault test_cookie_worked
update values
`),
    engines: {
      db: words(
        `_aget_session_from_db _get_session_from_db acreate_model_instance create_model_instance get_model_class model`,
      ),
      cache: words(`_cache acache_key cache_key cache_key_prefix`),
      cached_db: words(
        `_aget_session_from_db _cache _get_session_from_db acache_key acreate_model_instance cache_key cache_key_prefix create_model_instance get_model_class model`,
      ),
      file: words(
        `_expiry_date _get_storage_path _key_to_file _last_modification _storage_path file_prefix storage_path`,
      ),
      signed_cookies: words(``),
    },
  },
};
