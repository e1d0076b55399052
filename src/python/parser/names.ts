/**
 * Names measured with CPython 3.11.2 and Django 3.2.25 (`dir(...)`, `list(builtins.__dict__)`), for
 * the "Did you mean" hints of NameError and AttributeError. Order matters: ties go to the first.
 */

/** A whitespace-separated list. */
export function words(text: string): readonly string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** `list(builtins.__dict__)` in a process that imported site (so `exit`, `help`, ...). */
export const BUILTIN_NAMES = words(`
__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any ascii
bin breakpoint callable chr compile delattr dir divmod eval exec format getattr globals hasattr
hash hex id input isinstance issubclass iter aiter len locals max min next anext oct ord pow
print repr round setattr sorted sum vars None Ellipsis NotImplemented False True bool memoryview
bytearray bytes classmethod complex dict enumerate filter float frozenset property int list map
object range reversed set slice staticmethod str super tuple type zip __debug__ BaseException
BaseExceptionGroup Exception GeneratorExit KeyboardInterrupt SystemExit ArithmeticError
AssertionError AttributeError BufferError EOFError ImportError LookupError MemoryError NameError
OSError ReferenceError RuntimeError StopAsyncIteration StopIteration SyntaxError SystemError
TypeError ValueError Warning FloatingPointError OverflowError ZeroDivisionError BytesWarning
DeprecationWarning EncodingWarning FutureWarning ImportWarning PendingDeprecationWarning
ResourceWarning RuntimeWarning SyntaxWarning UnicodeWarning UserWarning BlockingIOError
ChildProcessError ConnectionError FileExistsError FileNotFoundError InterruptedError
IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError
IndentationError IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError
UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError ConnectionRefusedError
ConnectionResetError TabError UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError
ExceptionGroup EnvironmentError IOError open quit exit copyright credits license help
`);

/** `dir(datetime.timedelta)` */
export const TIMEDELTA_DIR = words(`
__abs__ __add__ __bool__ __class__ __delattr__ __dir__ __divmod__ __doc__ __eq__ __floordiv__
__format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__
__le__ __lt__ __mod__ __mul__ __ne__ __neg__ __new__ __pos__ __radd__ __rdivmod__ __reduce__
__reduce_ex__ __repr__ __rfloordiv__ __rmod__ __rmul__ __rsub__ __rtruediv__ __setattr__
__sizeof__ __str__ __sub__ __subclasshook__ __truediv__ days max microseconds min resolution
seconds total_seconds
`);

/** `dir(datetime.datetime)` */
export const DATETIME_DIR = words(`
__add__ __class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__
__getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ __radd__
__reduce__ __reduce_ex__ __repr__ __rsub__ __setattr__ __sizeof__ __str__ __sub__
__subclasshook__ astimezone combine ctime date day dst fold fromisocalendar fromisoformat
fromordinal fromtimestamp hour isocalendar isoformat isoweekday max microsecond min minute month
now replace resolution second strftime strptime time timestamp timetuple timetz today toordinal
tzinfo tzname utcfromtimestamp utcnow utcoffset utctimetuple weekday year
`);

/** `dir(datetime.timezone)` */
export const DATETIME_TIMEZONE_DIR = words(`
__class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getinitargs__
__getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ __reduce__
__reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ __subclasshook__ dst fromutc max min
tzname utc utcoffset
`);

/** `dir(django.utils.timezone)` */
export const DJANGO_TIMEZONE_DIR = words(`
ContextDecorator Local _PYTZ_BASE_CLASSES __all__ __builtins__ __cached__ __doc__ __file__
__loader__ __name__ __package__ __spec__ _active _datetime_ambiguous_or_imaginary
_get_timezone_name _is_pytz_zone activate datetime deactivate functools get_current_timezone
get_current_timezone_name get_default_timezone get_default_timezone_name get_fixed_timezone
is_aware is_naive localdate localtime make_aware make_naive now override pytz settings
template_localtime timedelta timezone tzinfo utc
`);
