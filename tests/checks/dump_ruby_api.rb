# frozen_string_literal: true

# Print the Ruby binding's C API table (bindings/ruby/lib/hyoka/api.rb) as
# JSON for check_bindings.py: functions, callbacks, structs and the HYOKA_*
# constants. Loads that one file only: neither the ffi gem nor libhyoka.
#
#   ruby dump_ruby_api.rb PATH/TO/hyoka/api.rb

require 'json'

load ARGV.fetch(0)
api = Hyoka::API
constants = api.constants.grep(/\AHYOKA_/).to_h { |c| [c, api.const_get(c)] }
puts JSON.generate(functions: api::FUNCTIONS, callbacks: api::CALLBACKS, structs: api::STRUCTS,
                   constants: constants)
