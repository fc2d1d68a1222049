from resumes.parsing.extract.cjk_glyphs import fix_glyph_mappings
from resumes.parsing.extract.model import Line


def test_radicals_become_the_characters_they_stand_for():
    lines = [Line("城市共享单\u2ecb需求预测"), Line("\u2ed3期负责\u2ed4店运营")]
    fix_glyph_mappings(lines)
    assert [line.text for line in lines] == ["城市共享单车需求预测", "长期负责门店运营"]


def test_a_shared_glyph_takes_the_simplified_form_in_a_simplified_resume():
    lines = [Line("工作经历"), Line("负责用戶增长与用戶分层")]
    fix_glyph_mappings(lines)
    assert lines[1].text == "负责用户增长与用户分层"


def test_a_traditional_resume_keeps_its_characters():
    lines = [Line("工作經歷"), Line("負責用戶增長與門戶網站")]
    fix_glyph_mappings(lines)
    assert lines[1].text == "負責用戶增長與門戶網站"
