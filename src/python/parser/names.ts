/**
 * Names measured with CPython 3.11.2 (`dir(value)`, `list(builtins.__dict__)` in a process that
 * imported site): what `dir()` prints, and whether an attribute this console does not offer
 * exists in Python (then the console says it cannot, instead of an AttributeError).
 */

/** A whitespace-separated list. */
export function words(text: string): readonly string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** `list(builtins.__dict__)` */
export const BUILTIN_NAMES = words(`
__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any ascii bin
breakpoint callable chr compile delattr dir divmod eval exec format getattr globals hasattr hash
hex id input isinstance issubclass iter aiter len locals max min next anext oct ord pow print repr
round setattr sorted sum vars None Ellipsis NotImplemented False True bool memoryview bytearray
bytes classmethod complex dict enumerate filter float frozenset property int list map object range
reversed set slice staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup
Exception GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError
BufferError EOFError ImportError LookupError MemoryError NameError OSError ReferenceError
RuntimeError StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning
FloatingPointError OverflowError ZeroDivisionError BytesWarning DeprecationWarning EncodingWarning
FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning
UnicodeWarning UserWarning BlockingIOError ChildProcessError ConnectionError FileExistsError
FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError PermissionError
ProcessLookupError TimeoutError IndentationError IndexError KeyError ModuleNotFoundError
NotImplementedError RecursionError UnboundLocalError UnicodeError BrokenPipeError
ConnectionAbortedError ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError
UnicodeEncodeError UnicodeTranslateError ExceptionGroup EnvironmentError IOError open quit exit
copyright credits license help
`);

/** `dir(1)`: int's names, which bool shares. */
const INT_DIR = words(`
__abs__ __add__ __and__ __bool__ __ceil__ __class__ __delattr__ __dir__ __divmod__ __doc__ __eq__
__float__ __floor__ __floordiv__ __format__ __ge__ __getattribute__ __getnewargs__ __getstate__
__gt__ __hash__ __index__ __init__ __init_subclass__ __int__ __invert__ __le__ __lshift__ __lt__
__mod__ __mul__ __ne__ __neg__ __new__ __or__ __pos__ __pow__ __radd__ __rand__ __rdivmod__
__reduce__ __reduce_ex__ __repr__ __rfloordiv__ __rlshift__ __rmod__ __rmul__ __ror__ __round__
__rpow__ __rrshift__ __rshift__ __rsub__ __rtruediv__ __rxor__ __setattr__ __sizeof__ __str__
__sub__ __subclasshook__ __truediv__ __trunc__ __xor__ as_integer_ratio bit_count bit_length
conjugate denominator from_bytes imag numerator real to_bytes
`);

/** `dir(value)` for the built-in types, by `type(value).__name__`. */
export const TYPE_DIRS: Record<string, readonly string[]> = {
  str: words(`
__add__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getnewargs__ __getstate__ __gt__ __hash__ __init__ __init_subclass__
__iter__ __le__ __len__ __lt__ __mod__ __mul__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__
__rmod__ __rmul__ __setattr__ __sizeof__ __str__ __subclasshook__ capitalize casefold center count
encode endswith expandtabs find format format_map index isalnum isalpha isascii isdecimal isdigit
isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip
maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip
split splitlines startswith strip swapcase title translate upper zfill
`),
  list: words(`
__add__ __class__ __class_getitem__ __contains__ __delattr__ __delitem__ __dir__ __doc__ __eq__
__format__ __ge__ __getattribute__ __getitem__ __getstate__ __gt__ __hash__ __iadd__ __imul__
__init__ __init_subclass__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ __new__ __reduce__
__reduce_ex__ __repr__ __reversed__ __rmul__ __setattr__ __setitem__ __sizeof__ __str__
__subclasshook__ append clear copy count extend index insert pop remove reverse sort
`),
  dict: words(`
__class__ __class_getitem__ __contains__ __delattr__ __delitem__ __dir__ __doc__ __eq__ __format__
__ge__ __getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __ior__
__iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __reduce__ __reduce_ex__ __repr__ __reversed__
__ror__ __setattr__ __setitem__ __sizeof__ __str__ __subclasshook__ clear copy fromkeys get items
keys pop popitem setdefault update values
`),
  tuple: words(`
__add__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__
__ge__ __getattribute__ __getitem__ __getnewargs__ __getstate__ __gt__ __hash__ __init__
__init_subclass__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ __new__ __reduce__ __reduce_ex__
__repr__ __rmul__ __setattr__ __sizeof__ __str__ __subclasshook__ count index
`),
  set: words(`
__and__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__
__ge__ __getattribute__ __getstate__ __gt__ __hash__ __iand__ __init__ __init_subclass__ __ior__
__isub__ __iter__ __ixor__ __le__ __len__ __lt__ __ne__ __new__ __or__ __rand__ __reduce__
__reduce_ex__ __repr__ __ror__ __rsub__ __rxor__ __setattr__ __sizeof__ __str__ __sub__
__subclasshook__ __xor__ add clear copy difference difference_update discard intersection
intersection_update isdisjoint issubset issuperset pop remove symmetric_difference
symmetric_difference_update union update
`),
  bytes: words(`
__add__ __bytes__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getnewargs__ __getstate__ __gt__ __hash__ __init__ __init_subclass__
__iter__ __le__ __len__ __lt__ __mod__ __mul__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__
__rmod__ __rmul__ __setattr__ __sizeof__ __str__ __subclasshook__ capitalize center count decode
endswith expandtabs find fromhex hex index isalnum isalpha isascii isdigit islower isspace istitle
isupper join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex
rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper
zfill
`),
  int: INT_DIR,
  float: words(`
__abs__ __add__ __bool__ __ceil__ __class__ __delattr__ __dir__ __divmod__ __doc__ __eq__ __float__
__floor__ __floordiv__ __format__ __ge__ __getattribute__ __getformat__ __getnewargs__ __getstate__
__gt__ __hash__ __init__ __init_subclass__ __int__ __le__ __lt__ __mod__ __mul__ __ne__ __neg__
__new__ __pos__ __pow__ __radd__ __rdivmod__ __reduce__ __reduce_ex__ __repr__ __rfloordiv__
__rmod__ __rmul__ __round__ __rpow__ __rsub__ __rtruediv__ __setattr__ __sizeof__ __str__ __sub__
__subclasshook__ __truediv__ __trunc__ as_integer_ratio conjugate fromhex hex imag is_integer real
`),
  // bool is an int subclass that adds no names of its own.
  bool: INT_DIR,
  NoneType: words(`
__bool__ __class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__
__getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ __reduce__
__reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ __subclasshook__
`),
  datetime: words(`
__add__ __class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__
__getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ __radd__
__reduce__ __reduce_ex__ __repr__ __rsub__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__
astimezone combine ctime date day dst fold fromisocalendar fromisoformat fromordinal fromtimestamp
hour isocalendar isoformat isoweekday max microsecond min minute month now replace resolution
second strftime strptime time timestamp timetuple timetz today toordinal tzinfo tzname
utcfromtimestamp utcnow utcoffset utctimetuple weekday year
`),
  timedelta: words(`
__abs__ __add__ __bool__ __class__ __delattr__ __dir__ __divmod__ __doc__ __eq__ __floordiv__
__format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__
__lt__ __mod__ __mul__ __ne__ __neg__ __new__ __pos__ __radd__ __rdivmod__ __reduce__ __reduce_ex__
__repr__ __rfloordiv__ __rmod__ __rmul__ __rsub__ __rtruediv__ __setattr__ __sizeof__ __str__
__sub__ __subclasshook__ __truediv__ days max microseconds min resolution seconds total_seconds
`),
  timezone: words(`
__class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getinitargs__
__getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ __reduce__
__reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ __subclasshook__ dst fromutc max min tzname
utc utcoffset
`),
  dict_keys: words(`
__and__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__ __le__ __len__
__lt__ __ne__ __new__ __or__ __rand__ __reduce__ __reduce_ex__ __repr__ __reversed__ __ror__
__rsub__ __rxor__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ __xor__ isdisjoint
mapping
`),
  dict_values: words(`
__class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getstate__ __gt__
__hash__ __init__ __init_subclass__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __reduce__
__reduce_ex__ __repr__ __reversed__ __setattr__ __sizeof__ __str__ __subclasshook__ mapping
`),
  dict_items: words(`
__and__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__ __le__ __len__
__lt__ __ne__ __new__ __or__ __rand__ __reduce__ __reduce_ex__ __repr__ __reversed__ __ror__
__rsub__ __rxor__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ __xor__ isdisjoint
mapping
`),
  range: words(`
__bool__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__
__getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__
__le__ __len__ __lt__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __reversed__ __setattr__
__sizeof__ __str__ __subclasshook__ count index start step stop
`),
};
