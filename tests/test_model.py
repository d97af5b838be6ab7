"""The plain data every layer shares: a Term is immutable, compared by identity, and keeps
every value it was given."""

import copy
import inspect
import pickle

import pytest

from cngloss.model import Part, Rendering, Term

ARGS = dict(id="liu-wen", term="六稳", pinyin="liù wěn", definition="稳就业、稳金融。", note=3,
            printed="“六稳”", english=(Rendering("six stabilities", "Xinhua", None),),
            variants=("六个稳",), parts=(Part("六稳", ("稳就业", "稳金融")),), tags=("economy",),
            related=("liu-bao",), remark="r", pinyin_reviewed={"六": "liù"},
            unreviewed=("english",), line=12)


def test_a_term_keeps_every_value_it_was_given_under_the_parameter_name():
    term = Term(**ARGS)
    for name, value in ARGS.items():
        assert getattr(term, name) == value, name


def test_the_field_list_is_the_constructor_parameters_in_order():
    assert Term.FIELDS == tuple(inspect.signature(Term).parameters)


def test_the_optional_fields_default_to_empty():
    term = Term("x", "甲", "jiǎ", "定义")
    assert (term.note, term.printed, term.remark, term.line) == (None, None, None, None)
    assert term.english == term.variants == term.parts == term.tags == term.related == ()
    assert term.unreviewed == () and term.pinyin_reviewed == {}
    assert Term("y", "乙", "yǐ", "定义").pinyin_reviewed is not term.pinyin_reviewed


def test_a_term_cannot_be_changed_or_given_new_attributes():
    term = Term(**ARGS)
    with pytest.raises(AttributeError):
        term.term = "六保"
    with pytest.raises(AttributeError):
        del term.pinyin
    with pytest.raises(AttributeError):
        term.extra = 1
    assert term.term == "六稳" and term.pinyin == "liù wěn"


def test_terms_are_equal_only_to_themselves_and_hash_by_identity():
    a, b = Term(**ARGS), Term(**ARGS)
    assert a == a and a != b
    assert len({a, b, a}) == 2


def test_a_term_survives_pickling_and_copying_with_every_value():
    term = Term(**ARGS)
    for back in (pickle.loads(pickle.dumps(term)), copy.copy(term), copy.deepcopy(term)):
        assert back is not term
        assert {name: getattr(back, name) for name in ARGS} == ARGS


def test_forms_are_the_headword_then_its_other_variants():
    term = Term("x", "四好农村路", "p", "d", variants=("四好农村路", "四好农村公路"))
    assert term.forms == ("四好农村路", "四好农村公路")


def test_the_repr_names_the_term():
    assert repr(Term(**ARGS)) == "Term(id='liu-wen', term='六稳')"


def test_replace_gives_a_new_term_with_only_the_named_fields_changed():
    term = Term(**ARGS)
    other = term.replace(definition="新定义。", variants=())
    assert other is not term and term.definition == ARGS["definition"]
    assert other.definition == "新定义。" and other.variants == ()
    for name in set(ARGS) - {"definition", "variants"}:
        assert getattr(other, name) == ARGS[name], name
    with pytest.raises(TypeError, match="nope"):
        term.replace(nope=1)
