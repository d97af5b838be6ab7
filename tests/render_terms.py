"""Terms shared by the renderer tests: one with every field, two bare ones."""

from cngloss.model import Part, Rendering, Term

SIHAO = Term("sihao", "四好农村路", "sìhǎo nóngcūnlù", "建好、管好、护好、运营好农村公路。",
             note=3, printed="“四好”农村路",
             english=(Rendering("Four Good Rural Roads", "Xinhua", "https://x.cn/a_b"),
                      Rendering("good roads")),
             variants=("四好农村公路", "四好路"),
             parts=(Part("四好", ("建好", "管好")), Part(None, ("甲",))),
             tags=("transport", "rural"), remark="50% & more")
BUCHOU = Term("buchou", "两不愁", "liǎng bù chóu", "不愁吃、不愁穿。")
PLAIN = Term("plain", "甲", "jiǎ", "定义", printed="甲")
