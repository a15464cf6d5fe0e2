# frozen_string_literal: true

module Hyoka
  # A program (事務事業, hyoka_project). Made with Project.new it is owned by
  # Ruby until added to a portfolio (Portfolio#add_project) or to a parent
  # project (#add_child); projects read from a portfolio are borrowed from
  # it and keep it alive.
  class Project < OwnedHandle
    c_functions free: :hyoka_project_free, copy: :hyoka_project_copy, equal: :hyoka_project_equal

    # Text fields: reader/writer name => hyoka_text_field (:department for
    # the library's "organization.department"...).
    TEXT_FIELDS = Support.fields(:project_text)
    CLASS_KINDS = Support.fields(:class_kind)

    class << self
      # A standalone project owned by Ruby: Project.new(code: '010802',
      # name: '...'), or Project.new('010802', '...', department: ...).
      def new(code = UNGIVEN, name = UNGIVEN, **attrs)
        attrs = Support.with_positional(attrs, code: code, name: name)
        out = FFI::MemoryPointer.new(:pointer)
        Hyoka.check(Lib.hyoka_project_new(out), 'Project.new')
        pr = owned(out.read_pointer)
        pr.assign(attrs)
        pr
      end

      private

      # A new project built from +attrs+ and handed to +owner+ with
      # +add_fn+, never owned by Ruby (no finalizer); freed here if
      # anything fails before the owner takes it.
      def build_into(owner, attrs, add_fn)
        out = FFI::MemoryPointer.new(:pointer)
        Hyoka.check(Lib.hyoka_project_new(out), 'Project.new')
        ptr = out.read_pointer
        pr = borrowed(ptr, nil)
        begin
          pr.assign(attrs)
          Hyoka.check(Lib.__send__(add_fn, owner, ptr), add_fn.to_s.sub('hyoka_portfolio_', '').sub('hyoka_project_', ''))
        rescue Exception # rubocop:disable Lint/RescueException
          Lib.hyoka_project_free(ptr)
          pr.__send__(:invalidate!)
          raise
        end
        pr.__send__(:adopt!, owner)
        pr
      end
    end

    TEXT_FIELDS.each do |name, field|
      define_method(name) { str(Lib.hyoka_project_text(self, field)) }
      define_method("#{name}=") do |value|
        s, l = Support.utf8_in(value)
        check(Lib.hyoka_project_set_text(self, field, s, l), name.to_s)
      end
    end

    # :autonomous, :statutory_entrusted or nil.
    def duty
      Support.enum_out(:duty, Lib.hyoka_project_duty(self))
    end

    def duty=(value)
      check(Lib.hyoka_project_set_duty(self, Support.enum_in(:duty, value)), "duty #{value}")
    end

    # :one_time, :recurring, :fixed_term or nil.
    def period
      Support.enum_out(:period, Lib.hyoka_project_period(self))
    end

    def period=(value)
      check(Lib.hyoka_project_set_period(self, Support.enum_in(:period, value)), "period #{value}")
    end

    def start_fiscal_year
      y = Lib.hyoka_project_start_year(self)
      y.zero? ? nil : y
    end

    def end_fiscal_year
      y = Lib.hyoka_project_end_year(self)
      y.zero? ? nil : y
    end

    def start_fiscal_year=(fy)
      set_period_years(fy, end_fiscal_year)
    end

    def end_fiscal_year=(fy)
      set_period_years(start_fiscal_year, fy)
    end

    def set_period_years(start, finish)
      check(Lib.hyoka_project_set_period_years(self, Support.fiscal_year_in(start, allow_nil: true),
                                               Support.fiscal_year_in(finish, allow_nil: true)), 'period years')
      self
    end

    # ---- classification --------------------------------------------------

    # The policy path (政策 > 施策 > ...): an Array of ClassLevel.
    def policy
      class_path(:policy)
    end

    # The budget account path (会計 > 款 > 項 > 目 > 事業).
    def account
      class_path(:account)
    end

    # Append a level to the policy path: add_policy('政策', '8', '...') or
    # add_policy(level: '政策', code: '8', name: '...').
    def add_policy(*levels, **parts)
      add_class(:policy, *levels, **parts)
    end

    # Append a level to the account path, as #add_policy.
    def add_account(*levels, **parts)
      add_class(:account, *levels, **parts)
    end

    def policy=(levels)
      clear_class(:policy)
      levels.each { |l| add_class(:policy, **l.to_h) }
    end

    def account=(levels)
      clear_class(:account)
      levels.each { |l| add_class(:account, **l.to_h) }
    end

    def add_class(kind, level_ = UNGIVEN, code_ = UNGIVEN, name_ = UNGIVEN, level: UNGIVEN, code: UNGIVEN,
                  name: UNGIVEN)
      level = Support.either(:level, level_, level)
      code = Support.either(:code, code_, code)
      name = Support.either(:name, name_, name)
      l, ll = Support.utf8_in(level)
      c, cl = Support.utf8_in(code)
      n, nl = Support.utf8_in(name)
      check(Lib.hyoka_project_add_class(self, CLASS_KINDS.fetch(kind), l, ll, c, cl, n, nl), kind.to_s)
      self
    end

    def clear_class(kind)
      check(Lib.hyoka_project_clear_class(self, CLASS_KINDS.fetch(kind)), kind.to_s)
      self
    end

    # ---- cost years ------------------------------------------------------

    def years
      ChildList.new(self, -> { Lib.hyoka_project_year_count(self) }) do |i|
        wrap(CostYear, Lib.hyoka_project_year_at(self, i))
      end
    end

    # Append a cost year: add_year(2007, phase: :settled, settlement: 0,
    # general: 12_236_000, usage: 1054, staff: [{category: :regular, ...}]);
    # the phase may come second: add_year(2007, :settled, ...).
    def add_year(fiscal_year, phase = UNGIVEN, **attrs)
      attrs = Support.with_positional(attrs, phase: phase)
      out = FFI::MemoryPointer.new(:pointer)
      check(Lib.hyoka_project_add_year(self, Support.fiscal_year_in(fiscal_year), out), 'add_year')
      year = wrap(CostYear, out.read_pointer)
      undo_on_error(year) { remove_year(year) }.assign(attrs)
      year
    end

    # The first cost year of a fiscal year, or nil.
    def find_year(fiscal_year)
      wrap(CostYear, Lib.hyoka_project_find_year(self, Support.fiscal_year_in(fiscal_year)))
    end
    alias year find_year

    def remove_year(year)
      remove_child_of(year, :hyoka_project_year_count, :hyoka_project_year_at, :hyoka_project_remove_year)
    end

    # ---- indicators ------------------------------------------------------

    def indicators
      ChildList.new(self, -> { Lib.hyoka_project_indicator_count(self) }) do |i|
        wrap(Indicator, Lib.hyoka_project_indicator_at(self, i))
      end
    end

    # Append an indicator: add_indicator(kind: :outcome, name: '受講率',
    # unit: '%', direction: :increase, values: {2007 => {target: 60, actual: 59}});
    # the kind may come first: add_indicator(:outcome, name: ...).
    def add_indicator(kind_ = UNGIVEN, kind: UNGIVEN, **attrs)
      kind = Support.either(:kind, kind_, kind)
      out = FFI::MemoryPointer.new(:pointer)
      check(Lib.hyoka_project_add_indicator(self, Support.enum_in(:indicator_kind, kind), out), 'add_indicator')
      ind = wrap(Indicator, out.read_pointer)
      undo_on_error(ind) { remove_indicator(ind) }.assign(attrs)
      ind
    end

    def remove_indicator(indicator)
      remove_child_of(indicator, :hyoka_project_indicator_count, :hyoka_project_indicator_at,
                      :hyoka_project_remove_indicator)
    end

    # ---- evaluations -----------------------------------------------------

    def evaluations
      ChildList.new(self, -> { Lib.hyoka_project_evaluation_count(self) }) do |i|
        wrap(Evaluation, Lib.hyoka_project_evaluation_at(self, i))
      end
    end

    # Append an evaluation: add_evaluation(stage: :primary, fiscal_year: 2008,
    # verdict: 'improve', budget: 'status_quo', answers: {relevance: 'A'});
    # the stage may come first: add_evaluation(:primary, ...).
    def add_evaluation(stage_ = UNGIVEN, stage: UNGIVEN, **attrs)
      stage = Support.either(:stage, stage_, stage)
      out = FFI::MemoryPointer.new(:pointer)
      check(Lib.hyoka_project_add_evaluation(self, Support.enum_in(:stage, stage), out), 'add_evaluation')
      ev = wrap(Evaluation, out.read_pointer)
      undo_on_error(ev) { remove_evaluation(ev) }.assign(attrs)
      ev
    end

    def remove_evaluation(evaluation)
      remove_child_of(evaluation, :hyoka_project_evaluation_count, :hyoka_project_evaluation_at,
                      :hyoka_project_remove_evaluation)
    end

    # ---- sub-projects ----------------------------------------------------

    def children
      ChildList.new(self, -> { Lib.hyoka_project_child_count(self) }) do |i|
        wrap(Project, Lib.hyoka_project_child_at(self, i))
      end
    end

    # Add a sub-project (細事業): a standalone Project (taken over) or a new
    # one built from attributes.
    def add_child(child = nil, **attrs)
      return register(Project.__send__(:build_into, self, attrs, :hyoka_project_add_child)) if child.nil?
      raise TypeError, "expected a Hyoka::Project, got #{child.class}" unless child.is_a?(Project)

      take(child, :hyoka_project_add_child, attrs)
    end

    def remove_child(child)
      remove_child_of(child, :hyoka_project_child_count, :hyoka_project_child_at, :hyoka_project_remove_child)
    end

    # The parent project of a sub-project (細事業), else nil.
    def parent
      @owner.is_a?(Project) ? @owner : nil
    end

    # The portfolio this project belongs to (through its parents), or nil.
    def portfolio
      p = @owner
      p = p.owner while p.is_a?(Project)
      p
    end

    # ---- extensions ------------------------------------------------------

    include ExtensionMap
    extension_functions :hyoka_project

    # ---- output ----------------------------------------------------------

    # The HTML sheet of this project; labels in +lang+ (by position or
    # lang:; :ja by default).
    def to_html(lang_ = UNGIVEN, lang: UNGIVEN)
      l = Support.lang_in(Support.either(:lang, lang_, lang, :ja))
      Support.buffer_call('html') { |out, len| Lib.hyoka_html_project(self, l, out, len) }
    end

    private

    # #assign takes, besides the writers (code:, name:, duty:,
    # start_fiscal_year:...), policy: and account: (Arrays of {level:,
    # code:, name:}) and extensions: (a Hash).
    def assign_extra(key, value)
      case key
      when :policy, :account then value.each { |lvl| add_class(key, **lvl) }
      when :extensions then value.each { |ek, ev| set_extension(ek, ev) }
      else return false
      end
      true
    end

    def inspect_details
      " #{code || '-'} #{name.inspect} years=#{Lib.hyoka_project_year_count(self)}"
    end

    def class_path(kind)
      k = CLASS_KINDS.fetch(kind)
      lvl = FFI::MemoryPointer.new(:pointer)
      cd = FFI::MemoryPointer.new(:pointer)
      nm = FFI::MemoryPointer.new(:pointer)
      (0...Lib.hyoka_project_class_count(self, k)).map do |i|
        check(Lib.hyoka_project_class_at(self, k, i, lvl, cd, nm))
        ClassLevel.new(str(lvl.read_pointer), str(cd.read_pointer), str(nm.read_pointer))
      end
    end

    def remove_child_of(child, count_fn, at_fn, remove_fn)
      i = index_of(child, count_fn, at_fn)
      ptr = Lib.__send__(at_fn, self, i)
      check(Lib.__send__(remove_fn, self, i))
      forget(ptr)
      self
    end
  end
end
